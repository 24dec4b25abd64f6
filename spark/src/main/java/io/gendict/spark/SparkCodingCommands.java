package io.gendict.spark;

import io.gendict.core.io.DataFiles;
import io.gendict.cli.support.PluginCommand;
import io.gendict.cli.support.Precision;
import io.gendict.core.model.ModelStore;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code spark-encode}, {@code spark-denoise} and {@code spark-compress}: the coding commands as
 * Spark jobs ({@link SparkCoding}) over .npy shards or Parquet, with a model folder written by
 * {@code gendict learn} or {@code spark-learn}; each writes Parquet.
 *
 * @since 0.1
 */
public final class SparkCodingCommands {
    private SparkCodingCommands() {
    }

    /** The options every coding command shares. */
    abstract static class Base extends PluginCommand {
        @Mixin
        SparkOptions sparkOptions;

        @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model folder written by gendict learn or spark-learn.")
        Path model;

        @Option(names = "--in", required = true, paramLabel = "PATH", description = ".npy file, folder of .npy shards, or Parquet.")
        String in;

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "The Parquet folder to write (a path or a URI Spark writes, e.g. hdfs://...).")
        String out;

        @Override
        public void run() {
            if (!out.contains("://")) {
                DataFiles.requireOutputFolder(Path.of(out), "--out");
            }
            int m = ModelStore.load(model, plugins.registry()).model().dictionary().numRows;
            try {
                ShippedFolder pluginFolder = plugins.dir() == null ? null
                        : ShippedFolder.ship(sparkOptions.context(), plugins.dir(), "--plugins");
                ModelSource source = new ModelSource(ShippedFolder.ship(sparkOptions.context(), model, "--model"), pluginFolder);
                Samples samples = Samples.load(sparkOptions.session(), in, "--in", sparkOptions.column, m);
                Samples data = sparkOptions.partitions == null ? samples
                        : new Samples(samples.rows().repartition(sparkOptions.partitions()), samples.count(), m);
                String summary = code(data, source);
                PrintWriter w = stdout();
                w.println(summary);
                w.flush();
            } finally {
                sparkOptions.close();
            }
        }

        /**
         * Runs the job and writes {@link #out}.
         *
         * @return the line to print
         */
        abstract String code(Samples data, ModelSource model);

        void write(Dataset<Row> rows) {
            SparkJobs.run("writing " + out, () -> {
                rows.write().mode("overwrite").parquet(out);
                return null;
            });
        }
    }

    /** {@code spark-encode}: codes samples with a model. */
    @Command(name = "spark-encode", description = "Code samples on Spark: Parquet (index, values[, atoms]).")
    public static final class Encode extends Base {
        @ArgGroup(exclusive = true)
        Precision precision = new Precision();

        @Override
        String code(Samples data, ModelSource model) {
            write(SparkCoding.encode(sparkOptions.session(), data, model, precision.quantizer(-1)));
            return "encoded " + data.count() + " samples to " + out;
        }
    }

    /** {@code spark-denoise}: decode(encode(y)). */
    @Command(name = "spark-denoise", description = "Project samples onto the model on Spark: Parquet (index, values).")
    public static final class Denoise extends Base {
        @Override
        String code(Samples data, ModelSource model) {
            write(SparkCoding.denoise(sparkOptions.session(), data, model));
            return "denoised " + data.count() + " samples to " + out;
        }
    }

    /** {@code spark-compress}: one container per partition. */
    @Command(name = "spark-compress", description = "Compress samples on Spark: Parquet (first_index, rows, container), "
            + "each container a gendict compress file; prints bits per sample, ratio and error.")
    public static final class Compress extends Base {
        @ArgGroup(exclusive = true)
        Precision precision = new Precision();

        @Override
        String code(Samples data, ModelSource model) {
            SparkCoding.Compressed c = SparkCoding.compress(sparkOptions.session(), data, model, precision.quantizer(4));
            write(c.containers());
            return String.format(java.util.Locale.ROOT, "%s: %d samples, %d bytes, %.2f bits per sample, compression ratio %.2f "
                    + "vs float32, reconstruction error %.6g (mean ‖y − ŷ‖)", out, c.samples(), c.bytes(), c.bitsPerSample(),
                    c.ratio(), c.meanError());
        }
    }
}
