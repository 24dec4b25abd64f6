package io.gendict.cli.support;

import com.google.inject.Injector;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.SpiModule;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads plugins lazily, once per plugins folder, and holds the child injector with their
 * {@link SpiModule} bindings. Lazy because the folder comes from {@code --plugins}, which is known
 * only after the command line is parsed; so {@code --help} and {@code --version} never load plugins.
 *
 * @since 0.1
 */
@Singleton
public final class PluginEnvironment {
    private final Injector root;
    private final Map<Path, Injector> injectors = new HashMap<>();

    /** @param root the injector that builds the commands */
    @Inject
    public PluginEnvironment(Injector root) {
        this.root = root;
    }

    /**
     * @param pluginsDir folder of plugin jars, or {@code null} for the classpath alone
     * @return the injector over the classpath's and the folder's providers
     * @throws io.gendict.core.error.GendictException as {@link PluginLoader#load}
     */
    public synchronized Injector injector(Path pluginsDir) {
        Path key = pluginsDir == null ? null : pluginsDir.toAbsolutePath().normalize();
        Injector injector = injectors.get(key);
        if (injector == null) {
            injector = root.createChildInjector(new SpiModule(new PluginLoader().load(pluginsDir)));
            injectors.put(key, injector);
        }
        return injector;
    }
}
