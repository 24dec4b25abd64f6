package io.gendict.cli;

import io.gendict.cli.support.CommandLines;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Entry point of the {@code gendict} command. {@link #execute} returns the exit code; only
 * {@link #main} exits the JVM.
 *
 * @since 0.1
 */
public final class Main {
    private static final String GUICE_BYTECODE_GEN = "guice_bytecode_gen_option";

    private Main() {
    }

    /**
     * Runs the command line and returns its exit code (0 success, 2 usage or input error,
     * 1 internal failure, including a Java {@link Error} such as running out of memory), writing to
     * {@code System.out} and {@code System.err}.
     *
     * @param args command-line arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs the command line with the given output streams.
     *
     * @param out  where results go
     * @param err  where errors go
     * @param args command-line arguments
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return CommandLines.run(commandLine(out, err), args);
    }

    /**
     * @param out where results go
     * @param err where errors go
     * @return the {@code gendict} command line ({@link CommandLines#create})
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return CommandLines.create(GendictCommand.class, out, err);
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        // Guice's optional bytecode generation (AOP) uses sun.misc.Unsafe, which newer JDKs warn about;
        // gendict uses no method interception, so turn it off before any Guice class loads.
        if (System.getProperty(GUICE_BYTECODE_GEN) == null) {
            System.setProperty(GUICE_BYTECODE_GEN, "DISABLED");
        }
        ExitGuard.install(System.err);
        int code = execute(args);
        ExitGuard.mainExits();
        System.exit(code);
    }
}
