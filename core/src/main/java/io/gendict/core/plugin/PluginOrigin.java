package io.gendict.core.plugin;

/**
 * Where a provider loaded from a plugin jar came from: what a model records so that loading it can
 * name the jar it needs.
 *
 * @param jar      the jar's file name, e.g. {@code shifted-square-prior-1.0.0.jar}
 * @param sha256   the jar's SHA-256, hex
 * @param provider the provider's class name
 * @since 0.1
 */
public record PluginOrigin(String jar, String sha256, String provider) {
}
