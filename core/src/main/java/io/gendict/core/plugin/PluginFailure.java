package io.gendict.core.plugin;

/**
 * A plugin source that could not be loaded; the other sources still load.
 *
 * @param jar    the jar's path, or {@code "classpath"} for a broken entry on the application classpath
 * @param reason one line saying what went wrong
 * @since 0.1
 */
public record PluginFailure(String jar, String reason) {
    @Override
    public String toString() {
        return jar + ": " + reason;
    }
}
