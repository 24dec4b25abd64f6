package io.gendict.spark;

import io.gendict.core.io.DataFiles;
import io.gendict.cli.support.PluginCommand;
import io.gendict.cli.support.TrainingOptions;
import io.gendict.core.model.Model;
import io.gendict.core.model.ModelInfo;
import io.gendict.core.model.ModelStore;
import io.gendict.core.model.PluginNeeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
public final class SparkLearnCommand extends PluginCommand {
    @Mixin
    private SparkOptions sparkOptions;

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "N×m .npy file, folder of .npy shards (file-name order), or Parquet with an array column.")
    private String data;

    @Mixin
    private TrainingOptions training;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "The model folder to write.")
    private Path out;

    @Override
    public void run() {
        String prior = training.prior();
        int batchSize = training.batchSize();
        long batches = training.batches();
        DataFiles.requireOutputFolder(out, "--out");
        long start = System.nanoTime();
        try {
            ShippedFolder shipped = plugins.dir() == null ? null : ShippedFolder.ship(sparkOptions.context(), plugins.dir(), "--plugins");
            Samples samples = Samples.load(sparkOptions.session(), data, "--data", sparkOptions.column, -1, false);
            Model model = SparkLearner.learn(sparkOptions.context(), samples, new SparkLearner.Settings(prior, training.method(),
                    training.oracle(), training.update(), batchSize, batches, training.seed(), sparkOptions.partitions()), plugins.registry(), shipped);
            ModelInfo info = model.info();
            model = new Model(model.dictionary(), model.prior(), info.withPlugins(PluginNeeds.of(plugins.plugins(),
                    model.prior().params().toSpecString(), info.method(), info.oracle(), info.update())));
            ModelStore.save(out, model);
            PrintWriter w = stdout();
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
