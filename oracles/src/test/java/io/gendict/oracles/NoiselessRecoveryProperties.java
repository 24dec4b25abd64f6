package io.gendict.oracles;

import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Noiseless recovery: with A = A* and y = A*·G(z*), every oracle, from the best of 16 random starts,
 * reaches ‖A·G(ẑ) − y‖ ≤ tol·‖y‖ for the paper's two priors (test-local versions; group sparsity at
 * m = 60, n = 40, k = 5). tol = 1e-6 for Gauss–Newton, sign flip and multi-start on both priors and
 * for gradient descent on dependencies; {@code screened} reaches 1e-6 on dependencies from a single call. Exceptions, matching fixed budgets: gradient descent on
 * group sparsity: 1e-2 (the conditioning of A·M is squared; 3000 Armijo steps reach about 1.5e-3, 20000
 * about 3e-4, not 1e-6), and
 * {@code adam} with the paper's 1000 steps at lr 1e-2: 0.15 (its iterate keeps moving by about lr
 * per step and some starts are still in a basin of a local minimum on dependencies).
 */
class NoiselessRecoveryProperties {
    private static final int STARTS = 16;
    private static final int ROWS = 6;
    private final TestRegistry registry = new TestRegistry();

    private static GenerativePrior prior(boolean deps, long seed) {
        return deps ? TestPriors.dependencies(3) : TestPriors.groupSparsity(40, 5, 0.6, seed);
    }

    /** @return whether the best of {@code starts} calls of the oracle brings every sample within tol */
    private boolean recovers(String spec, boolean deps, long seed, double tol, int starts) {
        SplittableRandom rng = new SplittableRandom(seed);
        GenerativePrior prior = prior(deps, seed);
        Synthetic data = new Synthetic(prior, deps ? 10 : 60, 0, rng);
        Synthetic.Batch batch = data.batch(ROWS, rng);
        DecodeOracle oracle = registry.oracle(spec);
        double[] best = new double[ROWS];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int s = 0; s < starts; s++) {
            DecodeResult r = oracle.decode(data.aStar, prior, batch.y(), null, rng.split());
            for (int b = 0; b < ROWS; b++) {
                best[b] = Math.min(best[b], r.objective()[b]);
            }
        }
        return withinTolerance(best, batch.y(), tol);
    }

    /** @return whether every objective ‖A·G(ẑ) − y‖² is at most (tol·‖y‖)² */
    private static boolean withinTolerance(double[] objective, DMatrixRMaj y, double tol) {
        for (int b = 0; b < y.numRows; b++) {
            double yy = 0;
            for (int j = 0; j < y.numCols; j++) {
                yy += y.data[b * y.numCols + j] * y.data[b * y.numCols + j];
            }
            if (!(Math.sqrt(objective[b]) <= tol * Math.sqrt(yy))) {
                return false;
            }
        }
        return true;
    }

    private void check(String spec, double tolDependencies, double tolGroupSparsity) {
        qt().withFixedSeed(42).withExamples(5).forAll(longs().between(1, 1_000_000))
                .check(seed -> recovers(spec, true, seed, tolDependencies, STARTS));
        qt().withFixedSeed(43).withExamples(5).forAll(longs().between(1, 1_000_000))
                .check(seed -> recovers(spec, false, seed, tolGroupSparsity, STARTS));
    }

    @Test
    void gaussNewton() {
        check("gauss-newton", 1e-6, 1e-6);
    }

    @Test
    void gaussNewtonWithoutTheLinearStart() {
        check("gauss-newton:linear-init=false,iterations=300", 1e-6, 1e-6);
    }

    @Test
    void signFlip() {
        check("sign-flip", 1e-6, 1e-6);
    }

    @Test
    void multiStart() {
        check("multi-start:starts=2", 1e-6, 1e-6);
    }

    @Test
    void screened() {
        check("screened:candidates=500", 1e-6, 1e-6);
    }

    @Test
    void screenedRecoversDependenciesFromOneCall() {
        qt().withFixedSeed(11).withExamples(10).forAll(longs().between(1, 1_000_000))
                .check(seed -> recovers("screened", true, seed, 1e-6, 1));
    }

    @Test
    void screenedKeepsAGivenStartThatBeatsItsCandidates() {
        SplittableRandom rng = new SplittableRandom(5);
        GenerativePrior prior = prior(true, 5);
        Synthetic data = new Synthetic(prior, 10, 0, rng);
        Synthetic.Batch batch = data.batch(ROWS, rng);
        DecodeResult r = registry.oracle("screened:candidates=1,inner=gauss-newton:iterations=1")
                .decode(data.aStar, prior, batch.y(), batch.z(), rng.split());
        assertTrue(withinTolerance(r.objective(), batch.y(), 1e-12), "the true latents were given as the start");
    }

    @Test
    void gradientDescent() {
        check("gradient-descent:iterations=3000", 1e-6, 1e-2);
    }

    @Test
    void adamWithinItsBudget() {
        check("adam", 0.15, 0.15);
    }

    @Test
    void gaussNewtonRecoversGroupSparsityFromOneCallThroughItsLinearFeatures() {
        qt().withFixedSeed(7).withExamples(10).forAll(longs().between(1, 1_000_000))
                .check(seed -> recoversFromOneCall(seed));
    }

    private boolean recoversFromOneCall(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        GenerativePrior prior = prior(false, seed);
        Synthetic data = new Synthetic(prior, 60, 0, rng);
        Synthetic.Batch batch = data.batch(ROWS, rng);
        DecodeResult r = registry.oracle("gauss-newton").decode(data.aStar, prior, batch.y(), null, rng);
        for (int b = 0; b < ROWS; b++) {
            double yy = 0;
            for (int j = 0; j < 60; j++) {
                yy += batch.y().data[b * 60 + j] * batch.y().data[b * 60 + j];
            }
            if (!r.converged()[b] || r.objective()[b] > 1e-12 * yy) {
                return false;
            }
        }
        return true;
    }
}
