package io.gendict.theory.estimate;

import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Property checks of the estimators on small test priors (fixed seeds, a few seconds in total). */
class EstimatorProperties {
    /** WDC threshold for Gaussian layers with n ≥ 40·k·log k, k ∈ [3, 6] (measured maximum ≈ 0.42 over 48 layers). */
    static final double WDC_THRESHOLD_AT_40_K_LOG_K = 0.5;

    private static CheckSettings settings(long seed, int refineIterations) {
        return new CheckSettings(seed, 100, 5, refineIterations, 100, 100, Double.NaN, 1e-3, 0.1, 0.3);
    }

    private static double wdcAt(int k, double c, long seed) {
        int n = (int) Math.ceil(c * k * Math.log(k));
        DMatrixRMaj w = TestPriors.gaussian(n, k, 1.0 / n, new SplittableRandom(seed));
        return WdcEstimator.estimate(w, 1, settings(seed, 60), new SplittableRandom(seed + 1)).epsilon();
    }

    @Test
    void wdcOfGaussianLayersShrinksWithExpansion() {
        qt().withFixedSeed(101L).withExamples(8)
                .forAll(integers().between(3, 6), longs().between(0, 1_000_000))
                .checkAssert((k, seed) -> {
                    double small = wdcAt(k, 5, seed);
                    double medium = wdcAt(k, 40, seed);
                    double large = wdcAt(k, 320, seed);
                    assertTrue(small > medium && medium > large,
                            "k=" + k + ": ε̂ at n = 5, 40, 320 × k log k: " + small + ", " + medium + ", " + large);
                    assertTrue(medium < WDC_THRESHOLD_AT_40_K_LOG_K, "k=" + k + ": ε̂ = " + medium);
                });
    }

    private static GenerativePrior paperLikePrior(int which, int k, long seed) {
        return switch (which) {
            case 0 -> TestPriors.identityLike(k, 2 * k);
            case 1 -> TestPriors.dependencies(k);
            default -> TestPriors.groupSparsity(k, 4 * k, new SplittableRandom(seed));
        };
    }

    @Test
    void uniformDictionariesSatisfyTheSrecWhenMAtLeastN() {
        qt().withFixedSeed(102L).withExamples(15)
                .forAll(integers().between(0, 2), integers().between(1, 3), integers().between(0, 4),
                        longs().between(0, 1_000_000))
                .checkAssert((which, k, extra, seed) -> {
                    GenerativePrior prior = paperLikePrior(which, k, seed);
                    int n = prior.outputDim();
                    DMatrixRMaj a = TestPriors.uniformDictionary(n + extra, n, new SplittableRandom(seed));
                    SrecEstimate e = SrecEstimator.estimate(prior, a, settings(seed, 60), new SplittableRandom(seed));
                    assertTrue(e.holds(), e.explanation());
                    assertTrue(e.spanBound() > 0 && e.gamma() >= e.spanBound() - 1e-12, e.explanation());
                });
    }

    @Test
    void equalColumnsMakeTheSrecCollapse() {
        qt().withFixedSeed(103L).withExamples(10)
                .forAll(integers().between(2, 4), integers().between(0, 3), longs().between(0, 1_000_000))
                .checkAssert((k, extra, seed) -> {
                    SplittableRandom rng = new SplittableRandom(seed);
                    int n = 2 * k;
                    int i = rng.nextInt(k);
                    int j = (i + 1 + rng.nextInt(k - 1)) % k;
                    DMatrixRMaj a = TestPriors.uniformDictionary(n + extra, n, rng);
                    for (int r = 0; r < a.numRows; r++) {
                        a.set(r, j, a.get(r, i));
                    }
                    SrecEstimate e = SrecEstimator.estimate(TestPriors.identityLike(k, n), a, settings(seed, 100),
                            new SplittableRandom(seed));
                    assertFalse(e.holds(), e.explanation());
                    assertTrue(e.gamma() < 1e-3 && e.spanBound() < 1e-10, e.explanation());
                    SrecEstimate dep = SrecEstimator.estimate(TestPriors.dependencies(k),
                            TestPriors.uniformDictionary(3 * k + extra, 3 * k, new SplittableRandom(seed)),
                            settings(seed, 0), new SplittableRandom(seed));
                    DMatrixRMaj dup = TestPriors.uniformDictionary(3 * k + extra, 3 * k, new SplittableRandom(seed));
                    for (int r = 0; r < dup.numRows; r++) {
                        dup.set(r, k + j, dup.get(r, i));
                    }
                    SrecEstimate depDup = SrecEstimator.estimate(TestPriors.dependencies(k), dup, settings(seed, 0),
                            new SplittableRandom(seed));
                    assertTrue(dep.spanBound() > 1e-6 && depDup.spanBound() < 1e-10 && depDup.spanRank() == 3 * k,
                            "[z; z∘z; sin z] differences span R^n, so equal columns zero the certified bound: "
                                    + depDup.explanation());
                });
    }

    @Test
    void rricOfNearbyDictionariesObeysTheoremA9() {
        qt().withFixedSeed(104L).withExamples(10)
                .forAll(integers().between(30, 60), doubles().between(1e-3, 0.3), longs().between(0, 1_000_000))
                .checkAssert((m, size, seed) -> {
                    SplittableRandom rng = new SplittableRandom(seed);
                    GenerativePrior prior = TestPriors.dependencies(2);
                    DMatrixRMaj aStar = TestPriors.gaussian(m, 6, 1.0 / m, rng);
                    DMatrixRMaj e = TestPriors.gaussian(m, 6, 1, rng);
                    CommonOps_DDRM.scale(size / NormOps_DDRM.normP2(e), e);
                    DMatrixRMaj a = aStar.copy();
                    CommonOps_DDRM.addEquals(a, e);
                    RricEstimate star = RricEstimator.estimate(prior, aStar, settings(seed, 60), new SplittableRandom(seed));
                    RricEstimate near = RricEstimator.estimate(prior, a, settings(seed, 60), new SplittableRandom(seed));
                    assertEquals(6, star.spanRank(), "the span bound of A* is certified");
                    double bound = RricEstimator.perturbedConstant(star.spanBound(), a, aStar);
                    assertTrue(near.epsilon() <= bound + 1e-12, near.epsilon() + " > " + bound);
                    assertTrue(near.spanBound() <= bound + 1e-12, near.spanBound() + " > " + bound);
                });
    }

    @Test
    void exactIsometryGivesGammaOneAndEpsilonZero() {
        qt().withFixedSeed(105L).withExamples(10)
                .forAll(integers().between(1, 4), integers().between(0, 3), integers().between(0, 3),
                        longs().between(0, 1_000_000))
                .checkAssert((k, extraN, extraM, seed) -> {
                    int n = k + extraN;
                    int m = n + extraM;
                    DMatrixRMaj q = SrecEstimatorTest.orthogonal(m, new SplittableRandom(seed));
                    DMatrixRMaj a = CommonOps_DDRM.extract(q, 0, m, 0, n);
                    GenerativePrior prior = TestPriors.identityLike(k, n);
                    SrecEstimate s = SrecEstimator.estimate(prior, a, settings(seed, 60), new SplittableRandom(seed));
                    RricEstimate r = RricEstimator.estimate(prior, a, settings(seed, 60), new SplittableRandom(seed));
                    assertEquals(1, s.gamma(), 1e-9);
                    assertTrue(s.deltaCurve().stream().allMatch(p -> p.delta() < 1e-9), s.explanation());
                    assertEquals(0, r.epsilon(), 1e-9);
                    assertEquals(0, r.spanBound(), 1e-9);
                });
    }
}
