package io.gendict.core.plugin;

import io.gendict.core.spi.Provider;

import java.util.Optional;

/**
 * Where a provider loaded from a plugin jar came from: what a model records so that loading it can
 * name the jar it needs.
 *
 * @param jar      the jar's file name, e.g. {@code gendict-example-plugin-1.0.0.jar}
 * @param sha256   the jar's SHA-256, hex
 * @param provider the provider's class name
 * @since 0.1
 */
public record PluginOrigin(String jar, String sha256, String provider) {
    /**
     * @param provider a provider from a {@link io.gendict.core.spi.Registry} built by {@link PluginRegistry#of}
     *                 or {@link SpiModule}
     * @return its jar and class when it came from a plugin jar; empty for a built-in
     */
    public static Optional<PluginOrigin> of(Provider provider) {
        return GuardedProviders.origin(provider);
    }
}
