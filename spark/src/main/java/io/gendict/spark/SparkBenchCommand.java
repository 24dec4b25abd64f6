package io.gendict.spark;

import io.gendict.cli.support.PluginsOption;
import io.gendict.core.data.EpochOrder;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.error.Checks;
import io.gendict.core.model.Methods;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Registry;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code spark-bench}: training throughput (samples per second) of the same run — synthetic data,
 * the same batches and seed — by the single-machine learner (1 and 2 threads) and by
 * {@link SparkLearner} in local mode with 1 and 2 cores ({@code local[1]}, {@code local[2]}, as many
 * partitions as cores), and the overhead of Spark against the single-machine learner on the same
 * cores; each the fastest of {@code --repeats} runs. Starts its own local sessions (any active session
 * is stopped first).
 *
 * @since 0.1
 */
@Command(name = "spark-bench", description = "Samples per second of the local learner and of spark-learn in "
        + "local[1] and local[2], on the same synthetic data and batches.")
public final class SparkBenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private PluginsOption plugins;

    @Option(names = "--prior", paramLabel = "SPEC", defaultValue = "group-sparsity:n=300,k=10",
            description = "The prior (default: ${DEFAULT-VALUE}).")
    private String prior;

    @Option(names = "--m", paramLabel = "M", defaultValue = "784", description = "Data dimension (default: ${DEFAULT-VALUE}).")
    private int m;

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "fast", description = "Method (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "4000", description = "Data set size (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--batch-size", paramLabel = "P", defaultValue = "1000", description = "Samples per batch (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Root seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "2",
            description = "Runs of each setting; the fastest counts (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Override
    public void run() {
        Checks.parameter(samples >= 1, "--samples is " + samples + ", expected >= 1");
        Checks.parameter(batchSize >= 1, "--batch-size is " + batchSize + ", expected >= 1");
        Checks.parameter(repeats >= 1, "--repeats is " + repeats + ", expected >= 1");
        Registry registry = plugins.registry();
        GenerativePrior g = registry.prior(prior);
        DMatrixRMaj y = SyntheticSource.builder(g, m, seed).build().next(samples).y();
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%s, m=%d, %s, %d samples in batches of %d (one epoch), seed %d%n", prior, m, method, samples, batchSize, seed);
        double local1 = best(() -> local(y, g, registry, 1));
        double local2 = best(() -> local(y, g, registry, 2));
        w.printf("local learner, 1 thread:   %10.1f samples/s%n", samples / local1);
        w.printf("local learner, 2 threads:  %10.1f samples/s%n", samples / local2);
        double spark1 = spark(y, registry, 1);
        double spark2 = spark(y, registry, 2);
        w.printf("(seconds per epoch, fastest of %d: local %.2f / %.2f, spark %.2f / %.2f)%n", repeats, local1, local2,
                spark1, spark2);
        w.printf("spark local[1], 1 part.:   %10.1f samples/s  (%.2fx the time of the local learner, 1 thread)%n",
                samples / spark1, spark1 / local1);
        w.printf("spark local[2], 2 part.:   %10.1f samples/s  (%.2fx the time of the local learner, 2 threads; "
                + "speed-up over local[1] %.2fx)%n", samples / spark2, spark2 / local2, spark1 / spark2);
        w.flush();
    }

    private double best(java.util.function.DoubleSupplier run) {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            best = Math.min(best, run.getAsDouble());
        }
        return best;
    }

    private double local(DMatrixRMaj y, GenerativePrior g, Registry registry, int threads) {
        DictionaryLearner learner = Methods.create(method, null, null,
                new LearnerContext(m, g, null, seed, threads), registry);
        int[] order = new int[samples];
        EpochOrder.permutation(seed, 0, order);
        DMatrixRMaj batch = new DMatrixRMaj(1, m);
        long start = System.nanoTime();
        for (int from = 0; from < samples; from += batchSize) {
            int count = Math.min(batchSize, samples - from);
            batch.reshape(count, m);
            for (int i = 0; i < count; i++) {
                System.arraycopy(y.data, order[from + i] * m, batch.data, i * m, m);
            }
            learner.fit(batch);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private double spark(DMatrixRMaj y, Registry registry, int cores) {
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("gendict spark-bench")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            List<Row> rows = new ArrayList<>(samples);
            for (int i = 0; i < samples; i++) {
                rows.add(RowFactory.create((Object) Arrays.copyOfRange(y.data, i * m, (i + 1) * m)));
            }
            StructType schema = new StructType().add("y", DataTypes.createArrayType(DataTypes.DoubleType));
            Samples data = Samples.fromDataset(spark.createDataFrame(rows, schema), "y", m, "bench data");
            return best(() -> {
                long start = System.nanoTime();
                SparkLearner.learn(JavaSparkContext.fromSparkContext(spark.sparkContext()), data,
                        new SparkLearner.Settings(prior, method, null, null, batchSize, -1, seed, cores), registry, null);
                return (System.nanoTime() - start) / 1e9;
            });
        } finally {
            spark.stop();
        }
    }
}
