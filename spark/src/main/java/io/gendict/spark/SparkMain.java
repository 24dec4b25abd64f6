package io.gendict.spark;

import io.gendict.cli.support.CommandLines;
import io.gendict.cli.support.RootCommand;
import io.gendict.cli.support.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

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
public final class SparkMain extends RootCommand {
    /**
     * Runs a command line with the given output streams.
     *
     * @param out  where results go
     * @param err  where errors go
     * @param args command-line arguments
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return CommandLines.run(CommandLines.create(SparkMain.class, out, err), args);
    }

    /** @param args command-line arguments */
    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }
}
