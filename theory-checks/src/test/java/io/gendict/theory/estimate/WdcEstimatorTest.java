package io.gendict.theory.estimate;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WdcEstimatorTest {
    private static final CheckSettings SETTINGS = CheckSettings.defaults(1).withPairs(200);

    private static double maxAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
        double m = 0;
        for (int i = 0; i < a.data.length; i++) {
            m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
        }
        return m;
    }

    @Test
    void referenceIsTheGaussianExpectation() {
        SplittableRandom rng = new SplittableRandom(21);
        int n = 40_000;
        DMatrixRMaj w = TestPriors.gaussian(n, 3, 1.0 / n, rng);
        WdcStatistic stat = new WdcStatistic(w);
        DMatrixRMaj q = new DMatrixRMaj(3, 3);
        double[][] pairs = {{1, 0, 0}, {0.3, -1, 2}, {1, 0, 0}, {-1, 0.1, 0}, {0.5, 0.5, 0}, {0.5, 0.5, 0}};
        for (int p = 0; p < pairs.length; p += 2) {
            stat.setPair(pairs[p], pairs[p + 1]);
            WdcStatistic.reference(pairs[p], pairs[p + 1], q);
            assertTrue(maxAbsDiff(stat.sum(), q) < 0.02, "pair " + p / 2);
        }
        WdcStatistic.reference(pairs[4], pairs[5], q);
        DMatrixRMaj half = CommonOps_DDRM.identity(3);
        CommonOps_DDRM.scale(0.5, half);
        assertEquals(0, maxAbsDiff(q, half), 1e-15, "Q_{x,x} = I/2");
    }

    @Test
    void rescalingMakesTheVerdictScaleFree() {
        SplittableRandom rng = new SplittableRandom(22);
        DMatrixRMaj w = TestPriors.gaussian(400, 4, 1.0 / 400, rng);
        WdcEstimate unit = WdcEstimator.estimate(w, 1, SETTINGS, new SplittableRandom(23));
        DMatrixRMaj he = w.copy();
        CommonOps_DDRM.scale(Math.sqrt(2), he);
        WdcEstimate scaled = WdcEstimator.estimate(he, 1, SETTINGS, new SplittableRandom(23));
        assertEquals(unit.epsilon(), scaled.epsilon(), 1e-9);
        assertTrue(scaled.epsilonAsGiven() > 0.4, "He-scaled weights fail as given: " + scaled.epsilonAsGiven());
        assertTrue(unit.holds(), unit.explanation());
        assertTrue(unit.epsilon() >= unit.sampledEpsilon());
    }

    @Test
    void everyLayerOfAReluNetIsChecked() {
        TestPriors.ReluNet net = TestPriors.reluNet(3, 20, 100, new SplittableRandom(24));
        List<WdcEstimate> all = WdcEstimator.estimateAll(net, SETTINGS, new SplittableRandom(25));
        assertEquals(2, all.size());
        assertEquals(20, all.get(0).rows());
        assertEquals(3, all.get(0).cols());
        assertEquals(100, all.get(1).rows());
        assertEquals(20, all.get(1).cols());
        assertFalse(all.get(1).holds(), "a 100×20 layer (expansion 5) is far from the WDC regime: "
                + all.get(1).explanation());
    }
}
