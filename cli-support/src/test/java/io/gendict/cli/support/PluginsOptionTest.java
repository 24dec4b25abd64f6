package io.gendict.cli.support;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which plugins folder a command uses: --plugins, then GENDICT_PLUGINS, then ~/.gendict/plugins if it exists. */
class PluginsOptionTest {
    @TempDir
    Path home;

    @Test
    void theOptionWinsThenTheVariableThenTheHomeFolder() throws IOException {
        Path option = home.resolve("given");
        Path named = Files.createDirectories(home.resolve("named"));
        Map<String, String> env = Map.of(PluginsOption.ENVIRONMENT, named.toString());
        assertEquals(option, PluginsOption.resolve(option, env, home));
        assertEquals(named, PluginsOption.resolve(null, env, home));
        assertNull(PluginsOption.resolve(null, Map.of(), home), "no default folder: classpath providers only");
        assertNull(PluginsOption.resolve(null, Map.of(PluginsOption.ENVIRONMENT, " "), home), "a blank variable is unset");
        Path fallback = Files.createDirectories(home.resolve(".gendict").resolve("plugins"));
        assertEquals(fallback, PluginsOption.resolve(null, Map.of(), home));
    }

    @Test
    void aVariableNamingNoFolderIsAOneLineError() throws IOException {
        Path file = Files.writeString(home.resolve("file"), "x");
        GendictException missing = assertThrows(GendictException.class, () -> PluginsOption.resolve(null,
                Map.of(PluginsOption.ENVIRONMENT, home.resolve("absent").toString()), home));
        assertEquals(ErrorKind.INVALID_PARAMETER, missing.kind());
        assertTrue(missing.getMessage().startsWith("GENDICT_PLUGINS=") && missing.getMessage().contains("no such folder"),
                missing.getMessage());
        GendictException notFolder = assertThrows(GendictException.class, () -> PluginsOption.resolve(null,
                Map.of(PluginsOption.ENVIRONMENT, file.toString()), home));
        assertTrue(notFolder.getMessage().contains("is not a folder") && !notFolder.getMessage().contains("\n"),
                notFolder.getMessage());
    }
}
