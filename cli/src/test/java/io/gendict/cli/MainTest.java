package io.gendict.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gendict.cli.support.CommandLines;
import io.gendict.cli.support.ErrorHandler;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void helpListsTheSubcommandsAndSharedOptions() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().startsWith("Usage: gendict"), out.toString());
        assertTrue(out.toString().contains("plugins"), out.toString());
        assertTrue(out.toString().contains("--verbose"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void bareCommandPrintsUsage() {
        assertEquals(0, run());
        assertTrue(out.toString().startsWith("Usage: gendict"), out.toString());
    }

    @Test
    void versionNamesGendictAndJava() {
        assertEquals(0, run("--version"));
        String[] lines = out.toString().split("\\R");
        assertTrue(lines[0].startsWith("gendict "), out.toString());
        assertTrue(lines[1].startsWith("Java " + Runtime.version().feature()), out.toString());
    }

    @Test
    void pluginsListsTheProvidersWithParameters() {
        assertEquals(0, run("plugins"));
        String text = out.toString();
        assertTrue(text.contains("cli-test-prior  (classpath)"), text);
        assertTrue(text.contains("a prior only the cli tests know"), text);
        assertTrue(text.matches("(?s).*widths\\s+int-list\\s+10,60\\s+\\[1, 100000]\\s+layer widths.*"), text);
        assertTrue(text.matches("(?s).*p\\s+double\\s+\\(required\\)\\s+\\[0, 1]\\s+Bernoulli probability.*"), text);
        assertFalse(text.contains("failed plugins"), text);
    }

    @Test
    void pluginsJsonParsesBack() {
        assertEquals(0, run("plugins", "--json"));
        JsonObject root = JsonParser.parseString(out.toString()).getAsJsonObject();
        for (String key : new String[] {"priors", "oracles", "updateRules", "baselines", "failures"}) {
            assertTrue(root.get(key).isJsonArray(), key);
        }
        JsonObject prior = find(root.getAsJsonArray("priors"), "cli-test-prior");
        assertEquals("classpath", prior.get("source").getAsString());
        JsonArray params = prior.getAsJsonArray("parameters");
        JsonObject widths = find(params, "widths");
        assertEquals("int-list", widths.get("type").getAsString());
        assertEquals("[10,60]", widths.get("default").toString());
        assertEquals("[1, 100000]", widths.get("range").getAsString());
        JsonObject p = find(params, "p");
        assertTrue(p.get("required").getAsBoolean());
        assertFalse(p.has("default"));
    }

    @Test
    void failedPluginJarsAreListedAndTheCommandStillSucceeds() throws IOException {
        Path bad = Files.writeString(dir.resolve("x.jar"), "not a zip");
        assertEquals(0, run("plugins", "--plugins", dir.toString()));
        assertTrue(out.toString().contains("failed plugins (not loaded)\n  " + bad + ": not a readable jar"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, run("plugins", "--json", "--plugins", dir.toString()));
        JsonArray failures = JsonParser.parseString(out.toString()).getAsJsonObject().getAsJsonArray("failures");
        assertEquals(bad.toString(), failures.get(0).getAsJsonObject().get("jar").getAsString());
    }

    @Test
    void aMissingPluginsFolderIsAUsageError() {
        assertEquals(2, run("plugins", "--plugins", dir.resolve("nowhere").toString()));
        assertEquals("gendict: plugins folder '" + dir.resolve("nowhere") + "' does not exist\n", err.toString());
    }

    @Test
    void unknownSubcommandIsAOneLineUsageError() {
        assertEquals(2, run("plugin"));
        String e = err.toString();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("gendict: Unmatched argument at index 0: 'plugin'; did you mean plugins"), e);
        assertEquals("", out.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("plugins", "--jsn"));
        assertTrue(err.toString().startsWith("gendict: Unknown option: '--jsn'"), err.toString());
        assertTrue(err.toString().endsWith("(see 'gendict plugins --help')\n"), err.toString());
    }

    @Test
    void failuresMapToExitCodesWithOneLineAndStackTracesOnlyWhenVerbose() {
        assertEquals(2, runFailing(new GendictException(ErrorKind.UNKNOWN_NAME, "unknown prior 'x'")));
        assertEquals("gendict: unknown prior 'x'\n", err.toString());

        assertEquals(1, runFailing(new GendictException(ErrorKind.NUMERICAL_FAILURE, "A became NaN")));
        assertEquals(1, runFailing(new IllegalStateException("bug")));
        assertEquals("gendict: internal error: java.lang.IllegalStateException: bug "
                + "(rerun with --verbose for the stack trace)\n", err.toString());

        assertEquals(1, runFailing(new IllegalStateException("bug"), "--verbose"));
        assertTrue(err.toString().startsWith("gendict: internal error: java.lang.IllegalStateException: bug\n"
                + "java.lang.IllegalStateException: bug\n\tat "), err.toString());
    }

    @Test
    void exitCodesByErrorKind() {
        ErrorHandler h = new ErrorHandler();
        for (ErrorKind kind : ErrorKind.values()) {
            int expected = kind == ErrorKind.NUMERICAL_FAILURE ? 1 : 2;
            assertEquals(expected, h.getExitCode(new GendictException(kind, "m")), kind.name());
            assertEquals(expected, h.getExitCode(new RuntimeException(new GendictException(kind, "m"))), kind.name());
        }
        assertEquals(1, h.getExitCode(new IllegalArgumentException()));
    }

    @Test
    void javaErrorsAreOneLineNamingWhatRanOutOrFailedWithExitCode1() {
        assertEquals(1, runFailing(new OutOfMemoryError("Java heap space")));
        assertOneLine("gendict: out of memory: Java heap space; this JVM may use at most "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB (raise it with -Xmx");
        assertEquals(1, runFailing(new StackOverflowError()));
        assertOneLine("gendict: stack overflow (recursion too deep) in io.gendict.cli.MainTest.");
        assertEquals(1, runFailing(new AssertionError("rows must be positive")));
        assertOneLine("gendict: internal check failed: rows must be positive");
        assertEquals(1, runFailing(new InternalError("a fault occurred in an unsafe memory access operation")));
        assertOneLine("gendict: JVM internal error: a fault occurred in an unsafe memory access operation (an input"
                + " file was truncated or changed while memory-mapped)");
        assertEquals(1, runFailing(new IllegalStateException("worker failed", new OutOfMemoryError("Java heap space"))));
        assertOneLine("gendict: out of memory: Java heap space");
        assertEquals("", out.toString());
    }

    @Test
    void javaErrorsPrintTheirStackTraceWithVerbose() {
        assertEquals(1, runFailing(new OutOfMemoryError("Java heap space"), "--verbose"));
        assertTrue(err.toString().contains("\njava.lang.OutOfMemoryError: Java heap space\n\tat "), err.toString());
    }

    @Test
    void anErrorInAParallelTaskReachesTheTopAsItself() {
        assertEquals(1, runFailing(() -> {
            new Workers(2).run(2, i -> {
                if (i == 1) {
                    throw new OutOfMemoryError("Java heap space");
                }
            }, "test work");
        }));
        assertOneLine("gendict: out of memory: Java heap space");
    }

    private void assertOneLine(String prefix) {
        String e = err.toString();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith(prefix), e);
        assertFalse(e.contains("\tat "), e);
    }

    private int runFailing(Throwable failure, String... options) {
        return runFailing(() -> {
            if (failure instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) failure;
        }, options);
    }

    private int runFailing(Runnable failure, String... options) {
        err.getBuffer().setLength(0);
        CommandLine cmd = Main.commandLine(new PrintWriter(out), new PrintWriter(err));
        cmd.addSubcommand("fail", new Failing(failure));
        cmd.setErr(new PrintWriter(err));
        String[] args = new String[options.length + 1];
        args[0] = "fail";
        System.arraycopy(options, 0, args, 1, options.length);
        return CommandLines.run(cmd, args);
    }

    private static JsonObject find(JsonArray array, String name) {
        for (JsonElement e : array) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError(name + " not in " + array);
    }

    @Command(name = "fail")
    private static final class Failing implements Runnable {
        private final Runnable failure;

        Failing(Runnable failure) {
            this.failure = failure;
        }

        @Override
        public void run() {
            failure.run();
        }
    }
}
