package io.gendict.theory.estimate;

import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RricEstimatorTest {
    private static final CheckSettings SETTINGS = CheckSettings.defaults(1).withPairs(300);

    @Test
    void isometryGivesZeroEpsilon() {
        GenerativePrior prior = TestPriors.identityLike(3, 6);
        RricEstimate e = RricEstimator.estimate(prior, SrecEstimatorTest.orthogonal(6, new SplittableRandom(2)),
                SETTINGS, new SplittableRandom(3));
        assertEquals(0, e.epsilon(), 1e-9);
        assertEquals(0, e.spanBound(), 1e-9);
        assertEquals(1, e.impliedGamma(), 1e-9);
        assertTrue(e.holds());
    }

    @Test
    void gaussianDictionaryIsNearIsometryAndUniformFails() {
        GenerativePrior prior = TestPriors.dependencies(2);
        SplittableRandom rng = new SplittableRandom(4);
        RricEstimate gaussian = RricEstimator.estimate(prior, TestPriors.gaussian(2000, 6, 1.0 / 2000, rng),
                SETTINGS, new SplittableRandom(5));
        RricEstimate uniform = RricEstimator.estimate(prior, TestPriors.uniformDictionary(20, 6, rng),
                SETTINGS, new SplittableRandom(5));
        assertTrue(gaussian.epsilon() < 0.2, gaussian.explanation());
        assertTrue(gaussian.epsilon() <= gaussian.spanBound() + 1e-12, "the span covers R^n: bound is certified");
        assertEquals(6, gaussian.spanRank());
        assertFalse(uniform.holds(), uniform.explanation());
        assertTrue(uniform.epsilon() > 0.5, uniform.explanation());
    }

    @Test
    void refinementNeverLowersTheSampledMaximum() {
        GenerativePrior prior = TestPriors.dependencies(2);
        DMatrixRMaj a = TestPriors.gaussian(12, 6, 1.0 / 12, new SplittableRandom(6));
        RricEstimate e = RricEstimator.estimate(prior, a, SETTINGS, new SplittableRandom(7));
        assertTrue(e.epsilon() > e.sampledEpsilon(), e.explanation());
        assertTrue(e.epsilon() <= e.spanBound() + 1e-12, e.explanation());
    }

    @Test
    void perturbedConstantMatchesTheoremA9() {
        DMatrixRMaj aStar = DMatrixRMaj.wrap(2, 2, new double[] {2, 0, 0, 1});
        DMatrixRMaj a = DMatrixRMaj.wrap(2, 2, new double[] {2, 0, 0, 1.5});
        assertEquals(0.1 + 2 * 0.5 * 2 + 0.25, RricEstimator.perturbedConstant(0.1, a, aStar), 1e-12);
    }
}
