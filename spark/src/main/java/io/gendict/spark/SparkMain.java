package io.gendict.spark;

import com.google.inject.Guice;
import io.gendict.cli.ErrorHandler;
import io.gendict.cli.GuiceFactory;
import io.gendict.cli.VersionProvider;
import io.gendict.cli.option.VerboseOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * Entry point of gendict on Spark ({@code spark-submit --class io.gendict.spark.SparkMain gendict-spark.jar
 * COMMAND ...}): spark-learn, spark-encode, spark-denoise, spark-compress, spark-bench and the helpers of
 * the standalone-cluster script (spark-synthetic, spark-compare), with the
 * errors and exit codes of {@code gendict} (0 success, 2 bad input or usage, 1 internal failure).
 *
 * @since 0.1
 */
@Command(name = "gendict-spark", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "gendict on Apache Spark: learn and use dictionaries over distributed data.",
        subcommands = {
            SparkLearnCommand.class,
            SparkCodingCommands.Encode.class,
            SparkCodingCommands.Denoise.class,
            SparkCodingCommands.Compress.class,
            SparkBenchCommand.class,
            ClusterCheckCommands.Synthetic.class,
            ClusterCheckCommands.Compare.class,
            CommandLine.HelpCommand.class
        })
public final class SparkMain implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private VerboseOption verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs a command line with the given output streams.
     *
     * @param out  where results go
     * @param err  where errors go
     * @param args command-line arguments
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(SparkMain.class, new GuiceFactory(Guice.createInjector()));
        ErrorHandler errors = new ErrorHandler();
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        cmd.setExitCodeExceptionMapper(errors);
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** @param args command-line arguments */
    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }
}
