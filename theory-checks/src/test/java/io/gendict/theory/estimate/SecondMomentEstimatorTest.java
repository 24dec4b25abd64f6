package io.gendict.theory.estimate;

import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecondMomentEstimatorTest {
    private static final CheckSettings SETTINGS = CheckSettings.defaults(1).withSamples(100, 4000);

    @Test
    void linearGaussianPriorHasIdentitySecondMoment() {
        SecondMomentEstimate e = SecondMomentEstimator.estimate(TestPriors.identityLike(3, 3), null, 1,
                SETTINGS, new SplittableRandom(1));
        assertEquals(1, e.lambdaMin(), 0.1);
        assertEquals(1, e.lambdaMax(), 0.1);
        assertEquals(3, e.rank());
        assertTrue(e.holds(), e.explanation());
        assertTrue(e.nu() > 0 && e.nu() < 0.15, "ν̂ = " + e.nu());
        assertEquals(e.assumption6Nu() + e.assumption6R(), e.assumption6(), 1e-12);
        assertEquals(10.0 * 3 * e.inverseNorm(), e.assumption6R(), 1e-12);
        assertEquals(40_000, e.referenceSamples());
    }

    @Test
    void outputsInASubspaceAreReportedAsSingular() {
        SecondMomentEstimate e = SecondMomentEstimator.estimate(TestPriors.identityLike(2, 5), null, 1,
                SETTINGS, new SplittableRandom(2));
        assertEquals(2, e.rank());
        assertFalse(e.holds());
        assertTrue(Double.isNaN(e.nu()));
        assertTrue(Double.isInfinite(e.conditionNumber()) || e.conditionNumber() > 1e12);
        assertTrue(e.explanation().contains("singular"), e.explanation());
    }

    @Test
    void givenInverseIsCompared() {
        DMatrixRMaj identity = CommonOps_DDRM.identity(6);
        SecondMomentEstimate e = SecondMomentEstimator.estimate(TestPriors.dependencies(2), identity, 3,
                SETTINGS, new SplittableRandom(3));
        assertTrue(e.inverseGiven());
        assertEquals(1, e.inverseNorm(), 1e-12);
        assertTrue(e.nu() > 0.1, "I is far from the inverse second moment of [z; z∘z; sin z]: " + e.nu());
        assertThrows(GendictException.class, () -> SecondMomentEstimator.estimate(TestPriors.dependencies(2),
                CommonOps_DDRM.identity(5), 3, SETTINGS, new SplittableRandom(3)));
    }
}
