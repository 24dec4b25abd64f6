package io.gendict.cli.support;

import com.google.inject.Guice;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;

/**
 * Builds and runs the command lines of {@code gendict} and {@code gendict-spark} alike: commands and
 * mixins created by Guice ({@link GuiceFactory}), errors mapped to one line and an exit code by
 * {@link ErrorHandler} (0 success, 2 usage or input error, 1 internal failure).
 *
 * @since 0.1
 */
public final class CommandLines {
    private CommandLines() {
    }

    /**
     * @param root the root command class
     * @param out  where results go
     * @param err  where errors go
     * @return the command line, commands built by Guice, errors mapped by {@link ErrorHandler}
     */
    public static CommandLine create(Class<?> root, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(root, new GuiceFactory(Guice.createInjector()));
        ErrorHandler errors = new ErrorHandler();
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        cmd.setExitCodeExceptionMapper(errors);
        return cmd;
    }

    /**
     * Runs a command line, turning a Java {@link Error} that escapes it (out of memory, stack
     * overflow, a failed assertion, a JVM internal error) into one line and exit code 1.
     *
     * @param cmd  the command line; its error writer receives the message
     * @param args command-line arguments
     * @return the exit code
     */
    public static int run(CommandLine cmd, String... args) {
        try {
            return cmd.execute(args);
        } catch (Error e) {
            return ErrorHandler.handleError(e, cmd.getErr(), List.of(args).contains("--verbose"));
        } finally {
            cmd.getOut().flush();
            cmd.getErr().flush();
        }
    }
}
