package io.gendict.core.bench;

import io.gendict.core.error.Checks;
import io.gendict.core.eval.DecimalQuantizer;
import io.gendict.core.experiment.ExperimentRunner;
import io.gendict.core.experiment.ExperimentSettings;
import io.gendict.core.experiment.MethodFactory;
import io.gendict.core.experiment.SyntheticPreset;
import io.gendict.core.experiment.TrialData;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * End-to-end seconds per training batch ({@link DictionaryLearner#fit} wall time on one fresh batch)
 * of each method on a synthetic setting (ALGORITHMS.md §3), one trial each: by default the paper's
 * settings with batches of 30 samples, or any preset, batch size and thread count through
 * {@link #time}. Each method first fits one untimed batch (the JIT's warm-up), then times up to
 * {@code batches} batches, stopping after {@value #MIN_BATCHES} once it has used {@code budgetSeconds},
 * so the paper-faithful methods (seconds per batch) stay affordable. Last, the trained learner encodes
 * the paper's test set ({@value #TEST_BATCHES} batches of {@value #PAPER_BATCH_SIZE} fresh samples, codes
 * at 4 decimals): that decode is timed and its test error reported ({@link ExperimentRunner#testError}).
 *
 * @since 0.1
 */
public final class MethodBenchmark {
    /** The methods timed by default. */
    public static final List<String> DEFAULT_METHODS = List.of("fast", "altmin", "autodiff", "algorithm1", "mod", "ksvd");
    /** The settings timed by default. */
    public static final List<String> DEFAULT_SETTINGS = List.of("group-sparsity", "dependencies");
    private static final int MIN_BATCHES = 2;
    /** The paper's training batch size. */
    public static final int PAPER_BATCH_SIZE = 30;
    /** Test batches nB of the paper's figure 1 protocol. */
    public static final int TEST_BATCHES = 5;

    private final Registry registry;
    private final MethodFactory methods;
    private final int batches;
    private final double budgetSeconds;
    private final int threads;
    private final long seed;

    /**
     * @param registry      resolves the presets' priors
     * @param methods       builds the learners
     * @param batches       maximum training batches per method, ≥ 1
     * @param budgetSeconds time after which a method stops once it ran {@value #MIN_BATCHES} batches
     * @param threads       threads each learner may use in {@link #run}, ≥ 1
     * @param seed          seed of the data and the learners
     */
    public MethodBenchmark(Registry registry, MethodFactory methods, int batches, double budgetSeconds, int threads, long seed) {
        Checks.parameter(batches >= 1, "method batches: expected ≥ 1, got " + batches);
        Checks.parameter(threads >= 1, "threads: expected ≥ 1, got " + threads);
        this.registry = registry;
        this.methods = methods;
        this.batches = batches;
        this.budgetSeconds = budgetSeconds;
        this.threads = threads;
        this.seed = seed;
    }

    /**
     * @param settings     synthetic preset names, e.g. {@link #DEFAULT_SETTINGS}
     * @param methodNames  method names, e.g. {@link #DEFAULT_METHODS}
     * @return one timing per setting and method, in that order, with batches of {@value #PAPER_BATCH_SIZE}
     */
    public List<Timing> run(List<String> settings, List<String> methodNames) {
        List<Timing> out = new ArrayList<>();
        for (String setting : settings) {
            SyntheticPreset preset = SyntheticPreset.named(setting);
            for (String method : methodNames) {
                out.add(time(preset, method, PAPER_BATCH_SIZE, threads));
            }
        }
        return out;
    }

    /**
     * Times one method on fresh data of a preset (trial 0 of the seed).
     *
     * @param preset    the synthetic setting: prior spec, m and σ
     * @param method    method name
     * @param batchSize samples per training batch, ≥ 1
     * @param threads   threads the learner may use, ≥ 1
     * @return the timing
     */
    public Timing time(SyntheticPreset preset, String method, int batchSize, int threads) {
        Checks.parameter(batchSize >= 1, "batch size: expected ≥ 1, got " + batchSize);
        Checks.parameter(threads >= 1, "threads: expected ≥ 1, got " + threads);
        ExperimentSettings es = new ExperimentSettings(preset.name(), List.of(method), 1, batches, batchSize,
                TEST_BATCHES, PAPER_BATCH_SIZE, new DecimalQuantizer(4), seed, threads);
        TrialData data = preset.trials(registry).create(0, seed, es);
        DictionaryLearner learner = methods.create(method, new LearnerContext(data.dimension(), data.prior(),
                data.initialDictionary(), seed, threads));
        learner.fit(data.nextTrainingBatch(batchSize));
        double[] seconds = new double[batches];
        double total = 0;
        int done = 0;
        while (done < batches && (done < MIN_BATCHES || total < budgetSeconds)) {
            DMatrixRMaj y = data.nextTrainingBatch(batchSize);
            long start = System.nanoTime();
            learner.fit(y);
            seconds[done] = (System.nanoTime() - start) * 1e-9;
            total += seconds[done++];
        }
        double[] sorted = Arrays.copyOf(seconds, done);
        Arrays.sort(sorted);
        long start = System.nanoTime();
        double testError = ExperimentRunner.testError(learner, data.testBatches(), es);
        double testSeconds = (System.nanoTime() - start) * 1e-9;
        return new Timing(preset.name(), method, batchSize, threads, done, sorted[done / 2], sorted[0], testSeconds,
                testError);
    }

    /**
     * @param setting       synthetic preset name
     * @param method        method name
     * @param batchSize     samples per training batch
     * @param threads       threads the learner used
     * @param batches       training batches timed
     * @param medianSeconds median seconds per batch
     * @param bestSeconds   fastest batch
     * @param testSeconds   seconds to encode the {@value #TEST_BATCHES}×{@value #PAPER_BATCH_SIZE} test samples
     *                      and reconstruct them
     * @param testError     the paper's test error after the last batch
     */
    public record Timing(String setting, String method, int batchSize, int threads, int batches,
                         double medianSeconds, double bestSeconds, double testSeconds, double testError) {
    }
}
