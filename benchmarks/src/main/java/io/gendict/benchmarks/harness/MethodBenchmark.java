package io.gendict.benchmarks.harness;

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
 * of each method on a synthetic setting (docs/algorithms.md §3), one trial each: by default the paper's
 * settings with batches of 30 samples, or any preset, batch size and thread count through
 * {@link #time}. Each method first warms up the JIT on throwaway copies of its learners (untimed batches
 * until the warm-up time has passed, at least one and at most {@value #MAX_WARM_UP_BATCHES}, so the
 * measured learners and their results do not depend on how fast the machine is), then its measured
 * learners fit one untimed batch and time up to
 * {@code batches} batches, stopping after {@value #MIN_BATCHES} once it has used {@code budgetSeconds},
 * so the paper-faithful methods (seconds per batch) stay affordable. Last, the trained learner encodes
 * the paper's test set ({@value #TEST_BATCHES} batches of {@value #PAPER_BATCH_SIZE} fresh samples, codes
 * at 4 decimals) {@value #TEST_PASSES} times: the reported time is the median pass (the first one also
 * warms up the encode path), the reported test error the first pass's ({@link ExperimentRunner#testError}).
 *
 * @since 0.1
 */
public final class MethodBenchmark {
    /** The methods timed by default. */
    public static final List<String> DEFAULT_METHODS = List.of("fast", "altmin", "autodiff", "algorithm1", "mod", "ksvd");
    /** The settings timed by default. */
    public static final List<String> DEFAULT_SETTINGS = List.of("group-sparsity", "dependencies");
    private static final int MIN_BATCHES = 2;
    private static final int MAX_WARM_UP_BATCHES = 20;
    /** The paper's training batch size. */
    public static final int PAPER_BATCH_SIZE = 30;
    /** Test batches nB of the paper's figure 1 protocol. */
    public static final int TEST_BATCHES = 5;
    /** Timed passes over the test set. */
    public static final int TEST_PASSES = 3;

    private final Registry registry;
    private final MethodFactory methods;
    private final int batches;
    private final double budgetSeconds;
    private final double warmUpSeconds;
    private final int threads;
    private final long seed;

    /**
     * @param registry      resolves the presets' priors
     * @param methods       builds the learners
     * @param batches       maximum training batches per method, ≥ 1
     * @param budgetSeconds time after which a method stops once it ran {@value #MIN_BATCHES} batches
     * @param warmUpSeconds untimed fitting before a method's timed batches, ≥ 0
     * @param threads       threads each learner may use in {@link #run}, ≥ 1
     * @param seed          seed of the data and the learners
     */
    public MethodBenchmark(Registry registry, MethodFactory methods, int batches, double budgetSeconds,
                           double warmUpSeconds, int threads, long seed) {
        Checks.parameter(batches >= 1, "method batches: expected ≥ 1, got " + batches);
        Checks.parameter(warmUpSeconds >= 0 && Double.isFinite(warmUpSeconds),
                "warm-up: expected finite seconds ≥ 0, got " + warmUpSeconds);
        Checks.parameter(threads >= 1, "threads: expected ≥ 1, got " + threads);
        this.registry = registry;
        this.methods = methods;
        this.batches = batches;
        this.budgetSeconds = budgetSeconds;
        this.warmUpSeconds = warmUpSeconds;
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
        return time(preset, method, batchSize, List.of(threads)).get(0);
    }

    /**
     * Times one method with several thread counts at once: one learner per count, all on the same
     * batches (trial 0 of the seed), each timed batch fitted by every learner in turn, so that other
     * load on the machine, which comes and goes, hits them alike. The budget counts all learners' time.
     *
     * @param preset       the synthetic setting: prior spec, m and σ
     * @param method       method name
     * @param batchSize    samples per training batch, ≥ 1
     * @param threadCounts threads of each learner, each ≥ 1
     * @return one timing per thread count, in that order
     */
    public List<Timing> time(SyntheticPreset preset, String method, int batchSize, List<Integer> threadCounts) {
        Checks.parameter(batchSize >= 1, "batch size: expected ≥ 1, got " + batchSize);
        List<Run> runs = new ArrayList<>();
        for (int t : threadCounts) {
            Checks.parameter(t >= 1, "threads: expected ≥ 1, got " + t);
            runs.add(new Run(preset, method, batchSize, t));
        }
        warmUp(preset, method, batchSize, threadCounts);
        runs.forEach(r -> r.learner.fit(r.data.nextTrainingBatch(batchSize)));
        double total = 0;
        int done = 0;
        while (done < batches && (done < MIN_BATCHES || total < budgetSeconds)) {
            for (Run r : runs) {
                DMatrixRMaj y = r.data.nextTrainingBatch(batchSize);
                long start = System.nanoTime();
                r.learner.fit(y);
                r.seconds[done] = (System.nanoTime() - start) * 1e-9;
                total += r.seconds[done];
            }
            done++;
        }
        List<Timing> out = new ArrayList<>();
        for (Run r : runs) {
            out.add(r.timing(done));
        }
        return out;
    }

    private void warmUp(SyntheticPreset preset, String method, int batchSize, List<Integer> threadCounts) {
        if (warmUpSeconds == 0) {
            return;
        }
        List<Run> copies = threadCounts.stream().map(t -> new Run(preset, method, batchSize, t)).toList();
        long end = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        for (int w = 0; w == 0 || (w < MAX_WARM_UP_BATCHES && System.nanoTime() < end); w++) {
            copies.forEach(r -> r.learner.fit(r.data.nextTrainingBatch(batchSize)));
        }
    }

    /** One learner being timed, with its own copy of the trial's data. */
    private final class Run {
        private final ExperimentSettings settings;
        private final TrialData data;
        private final DictionaryLearner learner;
        private final double[] seconds = new double[batches];

        Run(SyntheticPreset preset, String method, int batchSize, int threads) {
            settings = new ExperimentSettings(preset.name(), List.of(method), 1, batches, batchSize, TEST_BATCHES,
                    PAPER_BATCH_SIZE, new DecimalQuantizer(4), seed, threads);
            data = preset.trials(registry).create(0, seed, settings);
            learner = methods.create(method, new LearnerContext(data.dimension(), data.prior(),
                    data.initialDictionary(), seed, threads));
        }

        /** @return the timing of the first {@code done} batches, then of the test decode */
        Timing timing(int done) {
            double[] sorted = Arrays.copyOf(seconds, done);
            Arrays.sort(sorted);
            double testError = Double.NaN;
            double[] passes = new double[TEST_PASSES];
            for (int pass = 0; pass < TEST_PASSES; pass++) {
                long start = System.nanoTime();
                double error = ExperimentRunner.testError(learner, data.testBatches(), settings);
                passes[pass] = (System.nanoTime() - start) * 1e-9;
                testError = pass == 0 ? error : testError;
            }
            Arrays.sort(passes);
            List<Double> perBatch = Arrays.stream(seconds, 0, done).boxed().toList();
            return new Timing(settings.name(), settings.methods().get(0), settings.batchSize(), settings.threads(), done,
                    sorted[done / 2], sorted[0], passes[TEST_PASSES / 2], testError, perBatch);
        }
    }

    /**
     * @param setting       synthetic preset name
     * @param method        method name
     * @param batchSize     samples per training batch
     * @param threads       threads the learner used
     * @param batches       training batches timed
     * @param medianSeconds median seconds per batch
     * @param bestSeconds   fastest batch
     * @param testSeconds   seconds to encode the {@value #TEST_BATCHES}×{@value #PAPER_BATCH_SIZE} test samples (median pass)
     *                      and reconstruct them
     * @param testError     the paper's test error after the last batch
     * @param batchSeconds  seconds of each timed batch, in order
     */
    public record Timing(String setting, String method, int batchSize, int threads, int batches,
                         double medianSeconds, double bestSeconds, double testSeconds, double testError,
                         List<Double> batchSeconds) {
    }
}
