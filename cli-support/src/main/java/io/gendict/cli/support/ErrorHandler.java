package io.gendict.cli.support;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Set;

/**
 * Turns failures into one line on stderr, {@code gendict: <message>}, and an exit code: 2 for usage
 * errors and for {@link GendictException}s of the user's making (invalid input or parameter, unknown
 * name, I/O, plugin), 1 for anything else, including a Java {@link Error} (out of memory, stack
 * overflow, a failed assertion, a JVM internal error), reported by what ran out or failed. The stack
 * trace is printed only with {@code --verbose}.
 *
 * @since 0.1
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler,
        IExitCodeExceptionMapper {
    /** Exit code of usage and input errors. */
    public static final int USAGE = 2;
    /** Exit code of internal and numerical failures. */
    public static final int FAILURE = 1;

    private static final Set<ErrorKind> USER_ERRORS = EnumSet.of(ErrorKind.INVALID_INPUT,
            ErrorKind.INVALID_PARAMETER, ErrorKind.UNKNOWN_NAME, ErrorKind.IO, ErrorKind.PLUGIN);

    @Override
    public int getExitCode(Throwable exception) {
        GendictException g = gendictCause(exception);
        return g != null && USER_ERRORS.contains(g.kind()) ? USAGE : FAILURE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = verbose(parseResult);
        GendictException g = gendictCause(ex);
        Error error = cause(ex, Error.class);
        if (g == null && error != null) {
            return handleError(error, err, verbose);
        }
        String message = g != null ? g.getMessage()
                : "internal error: " + ex + (verbose ? "" : " (rerun with --verbose for the stack trace)");
        print(err, message, verbose ? ex : null);
        return getExitCode(ex);
    }

    /**
     * Reports a Java {@link Error} in one line naming what ran out or failed.
     *
     * @param error   the error
     * @param err     where the line goes
     * @param verbose also print the stack trace
     * @return {@link #FAILURE}
     */
    public static int handleError(Error error, PrintWriter err, boolean verbose) {
        print(err, describe(innermost(error)) + (verbose ? "" : " (rerun with --verbose for the stack trace)"),
                verbose ? error : null);
        return FAILURE;
    }

    /** @return the deepest Error in the cause chain: a fork-join task rethrows a copy without the message */
    private static Error innermost(Error error) {
        Error deepest = error;
        for (Throwable c = error.getCause(); c != null; c = c.getCause()) {
            if (c instanceof Error e) {
                deepest = e;
            }
        }
        return deepest;
    }

    private static String describe(Error error) {
        String detail = error.getMessage() != null ? ": " + error.getMessage() : "";
        if (error instanceof OutOfMemoryError) {
            return "out of memory" + detail + "; this JVM may use at most "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB (raise it with -Xmx, e.g. GENDICT_JAVA_OPTS=-Xmx8g)";
        }
        if (error instanceof StackOverflowError) {
            StackTraceElement[] trace = error.getStackTrace();
            return "stack overflow (recursion too deep)" + (trace.length > 0 ? " in " + trace[0] : "");
        }
        if (error instanceof AssertionError) {
            return "internal check failed" + detail;
        }
        if (error instanceof InternalError) {
            boolean mapped = detail.contains("unsafe memory access");
            return "JVM internal error" + detail + (mapped ? " (an input file was truncated or changed while"
                    + " memory-mapped)" : "");
        }
        return "internal error: " + error;
    }

    private static void print(PrintWriter err, String message, Throwable trace) {
        err.println("gendict: " + oneLine(message));
        if (trace != null) {
            trace.printStackTrace(err);
        }
        err.flush();
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        StringBuilder line = new StringBuilder(oneLine(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            line.append("; did you mean ").append(String.join(" or ", u.getSuggestions())).append('?');
        }
        line.append(" (see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help')");
        cmd.getErr().println("gendict: " + line);
        cmd.getErr().flush();
        return USAGE;
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static GendictException gendictCause(Throwable t) {
        return cause(t, GendictException.class);
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String oneLine(String s) {
        return String.valueOf(s).strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
