package io.gendict.cli.option;

import com.google.inject.Injector;
import io.gendict.cli.PluginEnvironment;
import io.gendict.core.plugin.PluginSet;
import io.gendict.core.spi.Registry;
import jakarta.inject.Inject;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --plugins DIR}: a folder of plugin jars loaded beside the built-in providers. A command
 * mixes this in and asks it for the {@link Registry} when it runs, after the options are parsed,
 * so the folder is known before plugins load; loading happens once per process.
 *
 * @since 0.1
 */
public final class PluginsOption {
    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of plugin jars to load beside the built-in providers.")
    private Path dir;

    private final PluginEnvironment environment;

    /** @param environment loads plugins and builds their injector */
    @Inject
    public PluginsOption(PluginEnvironment environment) {
        this.environment = environment;
    }

    /** @return the plugins folder, or {@code null} when none was given */
    public Path dir() {
        return dir;
    }

    /** @return the registry over built-in and plugin providers */
    public Registry registry() {
        return injector().getInstance(Registry.class);
    }

    /** @return what was loaded: providers, their sources, and the jars that failed */
    public PluginSet plugins() {
        return injector().getInstance(PluginSet.class);
    }

    /** @return the injector holding {@link io.gendict.core.plugin.SpiModule}'s bindings for this folder */
    public Injector injector() {
        return environment.injector(dir);
    }
}
