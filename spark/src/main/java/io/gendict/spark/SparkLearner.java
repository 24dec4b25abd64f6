package io.gendict.spark;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.learn.AltMinLearner;
import io.gendict.core.learn.RoundSums;
import io.gendict.core.method.MethodResolver;
import io.gendict.core.method.ResolvedMethod;
import io.gendict.core.model.Model;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Registry;
import io.gendict.core.train.TrainingRecord;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns a dictionary on a Spark cluster with the same learner, batches and random streams as
 * {@code gendict learn} (docs/algorithms.md §2.1, §2.2): the driver holds the {@link AltMinLearner} built by
 * {@link MethodResolver} as a streaming method (a method that would keep a window of samples runs its
 * rule-per-batch recipe instead, named in {@code model.json}: {@code fast} on k ≤ 4 runs
 * {@code screened-alternating}, not {@code restarts}); for each batch of the epoch's seeded order ({@link EpochLayout}) and each
 * decode round, the dictionary is broadcast, every partition decodes its whole chunks of the batch
 * with the oracle built on the executor ({@link ChunkDecoder}), the sums Σ y·xᵀ, Σ x·xᵀ, Σ‖y‖² and
 * Σ objective are reduced with {@code treeAggregate} along a fixed tree ({@link TreeSums}, so the same
 * seed and partition count give the same dictionary bit for bit), and the learner's
 * {@link io.gendict.core.spi.SufficientStatisticsRule} steps on them. The result equals the local
 * learner's up to floating-point reordering of the sums; the curve and the model are recorded as
 * {@code gendict learn} records them ({@link TrainingRecord}). Generative methods whose rule steps on
 * sums ({@code fast}, {@code algorithm1}, or any method with {@code --update online-least-squares},
 * {@code least-squares} or {@code preconditioned-gradient}) are supported.
 */
public final class SparkLearner {
    private static final Logger LOG = LoggerFactory.getLogger(SparkLearner.class);
    private static final int TREE_DEPTH = 2;

    /**
     * The settings of a run, as for {@code gendict learn}.
     *
     * @param prior      prior spec
     * @param method     generative method name
     * @param oracle     oracle spec replacing the method's, or {@code null}
     * @param update     update rule spec replacing the method's, or {@code null}
     * @param batchSize  rows per batch, ≥ 1
     * @param batches    batches to train, or −E for E epochs
     * @param seed       root seed
     * @param partitions partitions each batch is spread over, ≥ 1
     */
    public record Settings(String prior, String method, String oracle, String update, int batchSize, long batches,
                           long seed, int partitions) {
        /** Checks the ranges. */
        public Settings {
            Checks.parameter(batchSize >= 1, "--batch-size is " + batchSize + ", expected >= 1");
            Checks.parameter(batches != 0, "--batches is 0, expected >= 1 (or epochs >= 1)");
            Checks.parameter(partitions >= 1, "--partitions is " + partitions + ", expected >= 1");
        }
    }

    private SparkLearner() {
    }

    /**
     * @param sc       the context
     * @param data     the samples
     * @param settings the run
     * @param registry the driver's providers (built-in and plugins)
     * @param plugins  the plugins folder shipped to the executors, or {@code null}
     * @return the learned model, in the format of {@code gendict learn}
     */
    public static Model learn(JavaSparkContext sc, Samples data, Settings settings, Registry registry,
                              ShippedFolder plugins) {
        GenerativePrior g = registry.prior(settings.prior());
        MethodResolver resolver = new MethodResolver(registry);
        if (!resolver.generative(settings.method())) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, "--method: '" + settings.method()
                    + "' is a sparse baseline; spark-learn runs generative methods ("
                    + String.join(", ", registry.methods().keySet()) + ")");
        }
        ResolvedMethod resolved = resolver.resolve(settings.method(), settings.oracle(), settings.update(), g, true);
        String method = resolved.spec();
        String oracle = resolved.oracle();
        String update = resolved.update();
        DictionaryLearner learner = resolved.build(new LearnerContext(data.m(), g, null, settings.seed(), 1));
        if (!(learner instanceof AltMinLearner altmin)) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, "--method: '" + method
                    + "' updates A jointly with the codes and cannot run on sums; use fast or algorithm1");
        }
        TrainingRecord record = new TrainingRecord(altmin, List.of());
        ChunkDecoder decoder = new ChunkDecoder(new ExecutorRegistry(plugins), g.params().toSpecString(), oracle,
                settings.seed(), data.m(), g.outputDim());
        int n = (int) Math.min(Integer.MAX_VALUE, data.count());
        long perEpoch = (n + (long) settings.batchSize() - 1) / settings.batchSize();
        long total = settings.batches() > 0 ? settings.batches() : -settings.batches() * perEpoch;
        EpochLayout layout = null;
        long epoch = -1;
        try {
            for (long t = 0; t < total; t++) {
                if (t / perEpoch != epoch) {
                    if (layout != null) {
                        layout.release();
                    }
                    epoch = t / perEpoch;
                    layout = EpochLayout.build(sc, data, settings.seed(), epoch, settings.batchSize(), settings.partitions());
                }
                int from = (int) ((t % perEpoch) * settings.batchSize());
                int to = Math.min(n, from + settings.batchSize());
                altmin.fit(to - from, rounds(sc, layout, decoder, from, to));
                LOG.info("batch {} of {}: {} samples, error {}", t + 1, total, to - from, record.lastError());
            }
        } finally {
            if (layout != null) {
                layout.release();
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("batchSize", Integer.toString(settings.batchSize()));
        parameters.put(settings.batches() > 0 ? "batches" : "epochs", Long.toString(Math.abs(settings.batches())));
        parameters.put("partitions", Integer.toString(settings.partitions()));
        parameters.put("engine", "spark " + sc.version());
        parameters.put("recipe", resolved.recipe());
        return record.model(g, method, oracle, update, parameters, settings.seed(), List.of());
    }

    private static RoundSums.Source rounds(JavaSparkContext sc, EpochLayout layout, ChunkDecoder decoder, int from, int to) {
        return (batch, round, a) -> {
            Broadcast<double[]> shared = sc.broadcast(Arrays.copyOf(a.data, a.numRows * a.numCols));
            try {
                int partitions = layout.blocks().getNumPartitions();
                Sums total = SparkJobs.run("decoding batch " + batch, () -> layout.blocks().treeAggregate(
                        new TreeSums(partitions, TREE_DEPTH),
                        (tree, block) -> tree.add(block.partition(),
                                decoder.decode(block, from, to, batch, round, shared.value(), new Sums())),
                        TreeSums::merge, TREE_DEPTH)).total();
                if (total.rows() != to - from) {
                    throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "batch " + batch + ": decoded "
                            + total.rows() + " rows, expected " + (to - from));
                }
                return total.toRoundSums(decoder.m(), decoder.n());
            } finally {
                shared.destroy();
            }
        };
    }
}
