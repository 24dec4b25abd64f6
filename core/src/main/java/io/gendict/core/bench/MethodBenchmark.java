package io.gendict.core.bench;

import io.gendict.core.error.Checks;
import io.gendict.core.eval.DecimalQuantizer;
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
 * End-to-end seconds per training batch ({@link DictionaryLearner#fit} wall time on one fresh batch
 * of 30 samples) of each method on the paper's synthetic settings (ALGORITHMS.md §3), one trial each.
 * Each method first fits one untimed batch (the JIT's warm-up), then times up to {@code batches}
 * batches, stopping after {@value #MIN_BATCHES} once it has used {@code budgetSeconds}, so the
 * paper-faithful methods (seconds per batch) stay affordable.
 *
 * @since 0.1
 */
public final class MethodBenchmark {
    /** The methods timed by default. */
    public static final List<String> DEFAULT_METHODS = List.of("fast", "altmin", "autodiff", "algorithm1", "mod", "ksvd");
    /** The settings timed by default. */
    public static final List<String> DEFAULT_SETTINGS = List.of("group-sparsity", "dependencies");
    private static final int MIN_BATCHES = 2;
    private static final int BATCH_SIZE = 30;

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
     * @param threads       threads each learner may use, ≥ 1
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
     * @return one timing per setting and method, in that order
     */
    public List<Timing> run(List<String> settings, List<String> methodNames) {
        List<Timing> out = new ArrayList<>();
        for (String setting : settings) {
            SyntheticPreset preset = SyntheticPreset.named(setting);
            ExperimentSettings es = new ExperimentSettings(setting, methodNames, 1, batches, BATCH_SIZE, 1, BATCH_SIZE,
                    new DecimalQuantizer(4), seed, threads);
            for (String method : methodNames) {
                TrialData data = preset.trials(registry).create(0, seed, es);
                DictionaryLearner learner = methods.create(method, new LearnerContext(data.dimension(), data.prior(),
                        data.initialDictionary(), seed, threads));
                out.add(time(setting, method, learner, data));
            }
        }
        return out;
    }

    private Timing time(String setting, String method, DictionaryLearner learner, TrialData data) {
        learner.fit(data.nextTrainingBatch(BATCH_SIZE));
        double[] seconds = new double[batches];
        double total = 0;
        int done = 0;
        while (done < batches && (done < MIN_BATCHES || total < budgetSeconds)) {
            DMatrixRMaj y = data.nextTrainingBatch(BATCH_SIZE);
            long start = System.nanoTime();
            learner.fit(y);
            seconds[done] = (System.nanoTime() - start) * 1e-9;
            total += seconds[done++];
        }
        double[] sorted = Arrays.copyOf(seconds, done);
        Arrays.sort(sorted);
        return new Timing(setting, method, done, sorted[done / 2], sorted[0]);
    }

    /**
     * @param setting       synthetic preset name
     * @param method        method name
     * @param batches       training batches timed
     * @param medianSeconds median seconds per batch
     * @param bestSeconds   fastest batch
     */
    public record Timing(String setting, String method, int batches, double medianSeconds, double bestSeconds) {
    }
}
