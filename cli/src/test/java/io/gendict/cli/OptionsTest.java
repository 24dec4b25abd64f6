package io.gendict.cli;

import io.gendict.cli.support.PluginsOption;
import io.gendict.cli.option.SeedOption;
import io.gendict.cli.option.ThreadsOption;
import io.gendict.core.spi.Registry;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {
    private final StringWriter err = new StringWriter();

    @Test
    void sharedOptionsParseAndDefault() {
        Probe probe = run(0, "probe", "--seed", "-5", "--threads", "3", "--plugins", "some/dir");
        assertEquals(-5L, probe.seed.seed());
        assertEquals(3, probe.threads.threads());
        assertEquals(Path.of("some/dir"), probe.plugins.dir());

        Probe defaults = run(0, "probe");
        assertEquals(1L, defaults.seed.seed());
        assertEquals(Runtime.getRuntime().availableProcessors(), defaults.threads.threads());
        assertNull(defaults.plugins.dir());
    }

    @Test
    void threadsBelowOneIsAUsageError() {
        run(2, "probe", "--threads", "0");
        assertTrue(err.toString().startsWith("gendict: --threads is 0, expected >= 1"), err.toString());
    }

    @Test
    void pluginsLoadOncePerFolderAndServeTheRegistry() {
        Probe probe = run(0, "probe");
        Registry registry = probe.plugins.registry();
        assertTrue(registry.priors().containsKey("cli-test-prior"));
        assertSame(registry, probe.plugins.registry());
        assertSame(probe.plugins.plugins(), probe.plugins.plugins());
    }

    private Probe run(int expectedExit, String... args) {
        CommandLine cmd = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err));
        cmd.addSubcommand("probe", new CommandLine(Probe.class, cmd.getFactory()));
        cmd.setErr(new PrintWriter(err));
        assertEquals(expectedExit, cmd.execute(args), err.toString());
        return cmd.getSubcommands().get("probe").getCommand();
    }

    /** A command that only records its shared options. */
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        SeedOption seed;
        @Mixin
        ThreadsOption threads;
        @Mixin
        PluginsOption plugins;

        @Override
        public void run() {
            // Options are read by the test after parsing.
        }
    }
}
