package io.gendict.theory.estimate;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SrecEstimatorTest {
    private static final CheckSettings SETTINGS = CheckSettings.defaults(1).withPairs(300);

    static DMatrixRMaj orthogonal(int n, SplittableRandom rng) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        qr.decompose(TestPriors.gaussian(n, n, 1, rng));
        return qr.getQ(null, false);
    }

    @Test
    void isometryGivesGammaOneAndNoDelta() {
        GenerativePrior prior = TestPriors.identityLike(3, 6);
        SrecEstimate e = SrecEstimator.estimate(prior, orthogonal(6, new SplittableRandom(3)), SETTINGS,
                new SplittableRandom(4));
        assertEquals(1, e.gamma(), 1e-9);
        assertEquals(1, e.spanBound(), 1e-9);
        assertEquals(3, e.spanRank());
        for (SrecEstimate.DeltaPoint p : e.deltaCurve()) {
            assertEquals(0, p.delta(), 1e-9);
        }
        assertTrue(e.holds());
        assertEquals(600, e.sampleCount());
    }

    @Test
    void equalColumnsInTheRangeCollapseGamma() {
        GenerativePrior prior = TestPriors.identityLike(3, 6);
        DMatrixRMaj a = TestPriors.uniformDictionary(8, 6, new SplittableRandom(5));
        SrecEstimate good = SrecEstimator.estimate(prior, a, SETTINGS, new SplittableRandom(6));
        for (int i = 0; i < 8; i++) {
            a.set(i, 1, a.get(i, 0));
        }
        SrecEstimate bad = SrecEstimator.estimate(prior, a, SETTINGS, new SplittableRandom(6));
        assertTrue(good.holds(), good.explanation());
        assertTrue(good.gamma() > 0.05, good.explanation());
        assertFalse(bad.holds(), bad.explanation());
        assertTrue(bad.gamma() < 1e-3, bad.explanation());
        assertTrue(bad.gamma() < bad.sampledGamma(), "refinement must lower the sampled minimum");
        assertEquals(0, bad.spanBound(), 1e-10);
    }

    @Test
    void sameSeedSameResult() {
        GenerativePrior prior = TestPriors.dependencies(2);
        DMatrixRMaj a = TestPriors.uniformDictionary(7, 6, new SplittableRandom(7));
        assertEquals(SrecEstimator.estimate(prior, a, SETTINGS, new SplittableRandom(8)),
                SrecEstimator.estimate(prior, a, SETTINGS, new SplittableRandom(8)));
    }

    @Test
    void wrongDictionaryShapeIsRejected() {
        GendictException ex = assertThrows(GendictException.class, () -> SrecEstimator.estimate(
                TestPriors.identityLike(2, 4), new DMatrixRMaj(3, 5), SETTINGS, new SplittableRandom(1)));
        assertEquals(ErrorKind.INVALID_INPUT, ex.kind());
    }
}
