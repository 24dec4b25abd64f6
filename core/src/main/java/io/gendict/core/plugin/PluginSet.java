package io.gendict.core.plugin;

import io.gendict.core.spi.Provider;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@link PluginLoader} found: the providers of each kind by name (sorted), where each came
 * from, and the plugin sources that failed. Immutable.
 *
 * @since 0.1
 */
public final class PluginSet {
    private final Map<ProviderKind<?>, Map<String, Provider>> providers;
    private final Map<Provider, String> sources;
    private final Map<Provider, PluginOrigin> origins;
    private final Map<ProviderKind<?>, Map<String, Provider>> guarded = new LinkedHashMap<>();
    private final List<PluginFailure> failures;

    PluginSet(Map<ProviderKind<?>, Map<String, Provider>> providers, IdentityHashMap<Provider, String> sources,
              IdentityHashMap<Provider, PluginOrigin> origins, List<PluginFailure> failures) {
        this.providers = providers;
        this.sources = Collections.unmodifiableMap(sources);
        this.origins = Collections.unmodifiableMap(origins);
        this.failures = List.copyOf(failures);
        providers.forEach((kind, byName) -> {
            Map<String, Provider> wrapped = new TreeMap<>();
            byName.forEach((name, p) -> wrapped.put(name, origins.containsKey(p)
                    ? GuardedProviders.wrap(kind, p, origins.get(p)) : p));
            guarded.put(kind, Collections.unmodifiableMap(wrapped));
        });
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
     * The providers to create components with: those of jars wrapped so that their components'
     * failures (exceptions, non-finite results) are reported as the plugin's fault, naming the
     * provider class and the jar; classpath providers as they are.
     *
     * @param kind the kind
     * @param <P>  its provider interface
     * @return its providers by name, sorted by name; unmodifiable
     */
    @SuppressWarnings("unchecked")
    public <P extends Provider> Map<String, P> guardedProviders(ProviderKind<P> kind) {
        return (Map<String, P>) guarded.get(kind);
    }

    /**
     * @param kind the kind
     * @param name a provider name of that kind (a namespaced one also by its bare name, see {@link #fullName})
     * @return the jar and class of the provider of that name when it came from a plugin jar; empty
     *         for a classpath provider or an unknown name
     */
    public Optional<PluginOrigin> origin(ProviderKind<?> kind, String name) {
        return named(kind, name).map(origins::get);
    }

    /**
     * @param kind the kind
     * @param name a provider name, or the bare name of a namespaced one ({@code vendor/name}) that no
     *             other provider of the kind shares
     * @return the provider's full name, when the set has it
     */
    public Optional<String> fullName(ProviderKind<?> kind, String name) {
        return named(kind, name).map(Provider::name);
    }

    private Optional<Provider> named(ProviderKind<?> kind, String name) {
        return ProviderNames.find(kind.label(), providers.get(kind), name);
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
