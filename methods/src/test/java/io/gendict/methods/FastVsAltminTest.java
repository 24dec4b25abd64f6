package io.gendict.methods;

import io.gendict.oracles.Synthetic;
import io.gendict.oracles.TestPriors;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.spi.Registry;
import io.gendict.core.experiment.MethodCatalog;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short run of {@code fast} against the paper's {@code altmin} on the two synthetic settings
 * (B = 30, σ = 0.1, fixed seeds; group sparsity reduced to m = 100, n = 40, k = 5 to keep the test
 * short): fast's test error (docs/algorithms.md §3) must be no higher than altmin's after every batch,
 * and under the targets (0.5 on dependencies; 3 on group sparsity). Times are not asserted.
 */
class FastVsAltminTest {
    private static final int BATCHES = 4;
    private final Registry registry = PluginRegistry.of(new PluginLoader().load(null));

    private double[] errors(String method, GenerativePrior prior, int m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Synthetic data = new Synthetic(prior, m, 0.1, rng.split());
        Synthetic.Batch test = data.batch(30, rng.split());
        SplittableRandom train = rng.split();
        DictionaryLearner learner = new MethodCatalog(registry).create(method, new LearnerContext(m, prior, null, seed, 1));
        double[] err = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            learner.fit(data.batch(30, train).y());
            err[b] = data.testError(learner, test);
        }
        return err;
    }

    private void compare(GenerativePrior prior, int m, long seed, double target) {
        double[] fast = errors("fast", prior, m, seed);
        double[] altmin = errors("altmin", prior, m, seed);
        for (int b = 0; b < BATCHES; b++) {
            assertTrue(fast[b] <= altmin[b], "batch " + b + ": fast " + fast[b] + " vs altmin " + altmin[b]);
        }
        assertTrue(fast[BATCHES - 1] <= target, "fast's final error " + fast[BATCHES - 1] + " over the target " + target);
    }

    @Test
    void dependencies() {
        compare(TestPriors.dependencies(3), 10, 101, 0.5);
    }

    @Test
    void groupSparsity() {
        compare(TestPriors.groupSparsity(40, 5, 0.6, 5), 100, 202, 3);
    }
}
