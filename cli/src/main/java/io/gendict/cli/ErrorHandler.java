package io.gendict.cli;

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
 * name, I/O, plugin), 1 for anything else. The stack trace is printed only with {@code --verbose}.
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
        String message = g != null ? g.getMessage()
                : "internal error: " + ex + (verbose ? "" : " (rerun with --verbose for the stack trace)");
        err.println("gendict: " + oneLine(message));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return getExitCode(ex);
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
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof GendictException g) {
                return g;
            }
        }
        return null;
    }

    private static String oneLine(String s) {
        return String.valueOf(s).strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
