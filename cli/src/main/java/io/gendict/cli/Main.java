package io.gendict.cli;

import picocli.CommandLine;

/**
 * Entry point of the {@code gendict} command. {@link #execute} returns the exit code; only
 * {@link #main} exits the JVM.
 *
 * @since 0.1
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and returns its exit code (0 success, 2 usage or input error,
     * 1 internal failure).
     *
     * @param args command-line arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        return new CommandLine(new GendictCommand()).execute(args);
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
