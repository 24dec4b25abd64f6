package io.gendict.spark;

import io.gendict.cli.command.DataFiles;
import io.gendict.cli.option.PluginsOption;
import io.gendict.core.error.Checks;
import io.gendict.core.model.Model;
import io.gendict.core.model.ModelStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code spark-learn}: {@code gendict learn} on a Spark cluster ({@link SparkLearner}), with the same
 * options and the same model folder; the data is a .npy file, a folder of .npy shards or Parquet.
 *
 * @since 0.1
 */
@Command(name = "spark-learn", description = "Learn a dictionary on Spark from .npy shards or Parquet; writes the "
        + "same model folder as gendict learn.")
public final class SparkLearnCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private PluginsOption plugins;

    @Mixin
    private SparkOptions sparkOptions;

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "N×m .npy file, folder of .npy shards (file-name order), or Parquet with an array column.")
    private String data;

    @Option(names = "--prior", required = true, paramLabel = "SPEC", description = "The prior, e.g. group-sparsity:n=300,k=10.")
    private String prior;

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "fast",
            description = "fast, algorithm1, or a generative method with --update online-least-squares, least-squares "
                    + "or preconditioned-gradient (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--oracle", paramLabel = "SPEC", description = "Replace the method's decode oracle.")
    private String oracle;

    @Option(names = "--update", paramLabel = "SPEC", description = "Replace the method's dictionary update rule.")
    private String update;

    @Option(names = "--batch-size", paramLabel = "P", defaultValue = "100",
            description = "Samples per batch (default: ${DEFAULT-VALUE}); as large as the data for full passes.")
    private int batchSize;

    @ArgGroup(exclusive = true)
    private Length length = new Length();

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Root seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "The model folder to write.")
    private Path out;

    /** How long to train. */
    static final class Length {
        @Option(names = "--epochs", paramLabel = "E", description = "Passes over the data (default: 1).")
        Integer epochs;

        @Option(names = "--batches", paramLabel = "N", description = "Batches to train.")
        Long batches;
    }

    @Override
    public void run() {
        Checks.parameter(batchSize >= 1, "--batch-size is " + batchSize + ", expected >= 1");
        Checks.parameter(length.epochs == null || length.epochs >= 1, "--epochs is " + length.epochs + ", expected >= 1");
        Checks.parameter(length.batches == null || length.batches >= 1, "--batches is " + length.batches + ", expected >= 1");
        DataFiles.requireOutputFolder(out, "--out");
        long batches = length.batches != null ? length.batches : -(length.epochs == null ? 1 : length.epochs);
        long start = System.nanoTime();
        try {
            ShippedFolder shipped = plugins.dir() == null ? null : ShippedFolder.ship(sparkOptions.context(), plugins.dir(), "--plugins");
            Samples samples = Samples.load(sparkOptions.session(), data, "--data", sparkOptions.column, -1, false);
            Model model = SparkLearner.learn(sparkOptions.context(), samples, new SparkLearner.Settings(prior, method, oracle,
                    update, batchSize, batches, seed, sparkOptions.partitions()), plugins.registry(), shipped);
            ModelStore.save(out, model);
            PrintWriter w = spec.commandLine().getOut();
            var curve = model.info().curve();
            w.printf("%s on Spark: %d samples seen in batches of %d over %d partitions, last batch error %.6g; %.1f s; model in %s%n",
                    model.info().method(), model.info().samplesSeen(), batchSize, sparkOptions.partitions(),
                    curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).error(), (System.nanoTime() - start) / 1e9, out);
            w.flush();
        } finally {
            sparkOptions.close();
        }
    }
}
