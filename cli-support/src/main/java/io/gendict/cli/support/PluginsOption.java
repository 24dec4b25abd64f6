package io.gendict.cli.support;

import com.google.inject.Injector;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.plugin.PluginSet;
import io.gendict.core.spi.Registry;
import jakarta.inject.Inject;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code --plugins DIR}: a folder of plugin jars loaded beside the built-in providers. A command
 * mixes this in and asks it for the {@link Registry} when it runs, after the options are parsed,
 * so the folder is known before plugins load; loading happens once per process.
 *
 * <p>Without {@code --plugins}, the folder named by the environment variable
 * {@value #ENVIRONMENT} is used (it must exist), else {@code ~/.gendict/plugins} when it is a
 * folder, else none: a user sets it once instead of on every command.
 *
 * @since 0.1
 */
public final class PluginsOption {
    /** The environment variable naming the plugins folder when {@code --plugins} is not given. */
    public static final String ENVIRONMENT = "GENDICT_PLUGINS";

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of plugin jars to load beside the built-in providers (default: $"
                    + ENVIRONMENT + ", else ~/.gendict/plugins when it exists).")
    private Path dir;

    private final PluginEnvironment environment;

    /** @param environment loads plugins and builds their injector */
    @Inject
    public PluginsOption(PluginEnvironment environment) {
        this.environment = environment;
    }

    /** @return the plugins folder in effect ({@link #resolve}), or {@code null} for none */
    public Path dir() {
        return resolve(dir, System.getenv(), Path.of(System.getProperty("user.home", "")));
    }

    /**
     * @param option the {@code --plugins} value, or {@code null}
     * @param env    the environment
     * @param home   the user's home folder
     * @return the option; else {@value #ENVIRONMENT} when set and not blank; else
     * {@code home/.gendict/plugins} when it is a folder; else {@code null}
     * @throws GendictException INVALID_PARAMETER when {@value #ENVIRONMENT} names no folder
     */
    public static Path resolve(Path option, Map<String, String> env, Path home) {
        if (option != null) {
            return option;
        }
        String named = env.get(ENVIRONMENT);
        if (named != null && !named.isBlank()) {
            Path folder = Path.of(named);
            if (!Files.isDirectory(folder)) {
                throw new GendictException(ErrorKind.INVALID_PARAMETER, ENVIRONMENT + "=" + named + ": "
                        + (Files.exists(folder) ? "is not a folder" : "no such folder") + " (unset it or point it at a folder of plugin jars)");
            }
            return folder;
        }
        Path fallback = home.resolve(".gendict").resolve("plugins");
        return Files.isDirectory(fallback) ? fallback : null;
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
        return environment.injector(dir());
    }
}
