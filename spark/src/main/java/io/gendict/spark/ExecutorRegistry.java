package io.gendict.spark;

import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.spi.Registry;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How an executor builds the provider registry: the built-in providers on its classpath plus the
 * plugin jars of an optional shipped folder, loaded by {@link PluginLoader} exactly as on the driver.
 * No provider or prior object is ever serialized; executors rebuild them from spec strings. The
 * registry is built once per executor JVM and folder.
 *
 * @param plugins the shipped plugins folder, or {@code null} for the classpath alone
 */
record ExecutorRegistry(ShippedFolder plugins) implements Serializable {
    private static final Map<ExecutorRegistry, Registry> BUILT = new ConcurrentHashMap<>();

    /** @return this executor's registry, built on first use */
    Registry registry() {
        return BUILT.computeIfAbsent(this,
                k -> PluginRegistry.of(new PluginLoader().load(plugins == null ? null : plugins.resolve())));
    }
}
