package io.gendict.core.plugin;

import io.gendict.core.spi.Provider;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link PluginLoader} found: the providers of each kind by name (sorted), where each came
 * from, and the plugin sources that failed. Immutable.
 *
 * @since 0.1
 */
public final class PluginSet {
    private final Map<ProviderKind<?>, Map<String, Provider>> providers;
    private final Map<Provider, String> sources;
    private final List<PluginFailure> failures;

    PluginSet(Map<ProviderKind<?>, Map<String, Provider>> providers, IdentityHashMap<Provider, String> sources,
              List<PluginFailure> failures) {
        this.providers = providers;
        this.sources = Collections.unmodifiableMap(sources);
        this.failures = List.copyOf(failures);
    }

    /**
     * @param kind the kind
     * @param <P>  its provider interface
     * @return its providers by name, sorted by name; unmodifiable
     */
    @SuppressWarnings("unchecked")
    public <P extends Provider> Map<String, P> providers(ProviderKind<P> kind) {
        return (Map<String, P>) providers.get(kind);
    }

    /**
     * @param provider a provider of this set
     * @return {@code "classpath"} or the path of the jar it came from
     */
    public String source(Provider provider) {
        return sources.get(provider);
    }

    /** @return the sources that failed to load, in the order they were tried */
    public List<PluginFailure> failures() {
        return failures;
    }
}
