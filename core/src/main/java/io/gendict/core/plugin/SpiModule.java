package io.gendict.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import io.gendict.core.spi.Provider;
import io.gendict.core.spi.Registry;

/**
 * Guice wiring of loaded plugins: binds each provider ({@link PluginSet#guardedProviders}, so a
 * plugin's bugs are reported as its own) into a {@code MapBinder<String, XxxProvider>} by name (one per {@link ProviderKind}), the {@link PluginSet} itself (for sources and failures),
 * and {@link Registry} to a singleton {@link PluginRegistry} built from the injected maps. Plugin
 * authors never see this class.
 *
 * @since 0.1
 */
public final class SpiModule extends AbstractModule {
    private final PluginSet plugins;

    /** @param plugins what {@link PluginLoader#load} found */
    public SpiModule(PluginSet plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        bind(PluginSet.class).toInstance(plugins);
        ProviderKind.all().forEach(this::bindKind);
        bind(Registry.class).to(PluginRegistry.class).in(Singleton.class);
    }

    private <P extends Provider> void bindKind(ProviderKind<P> kind) {
        MapBinder<String, P> binder = MapBinder.newMapBinder(binder(), String.class, kind.type());
        plugins.guardedProviders(kind).forEach((name, provider) -> binder.addBinding(name).toInstance(provider));
    }
}
