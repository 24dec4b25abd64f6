package io.gendict.core.learn;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learners' fast finiteness test: a SIMD sum of squares, entry by entry only when that overflows. */
class FiniteCheckTest {
    @Test
    void anyNonFiniteEntryAnywhereIsFound() {
        SplittableRandom rng = new SplittableRandom(4);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (int trial = 0; trial < 50; trial++) {
                DMatrixRMaj m = random(rng, 1 + rng.nextInt(40), 1 + rng.nextInt(40));
                m.data[rng.nextInt(m.numRows * m.numCols)] = bad;
                assertFalse(GenerativeLearner.finite(m), bad + " in a " + m.numRows + "x" + m.numCols + " matrix");
            }
        }
    }

    @Test
    void finiteEntriesPassEvenWhenTheirSquaresOverflow() {
        SplittableRandom rng = new SplittableRandom(5);
        DMatrixRMaj m = random(rng, 17, 23);
        assertTrue(GenerativeLearner.finite(m));
        m.data[100] = 1e200;
        m.data[3] = -Double.MAX_VALUE;
        assertTrue(GenerativeLearner.finite(m));
    }

    @Test
    void onlyTheMatrixShapeIsRead() {
        DMatrixRMaj m = new DMatrixRMaj(2, 2);
        m.data = new double[] {1, 2, 3, 4, Double.NaN};
        assertTrue(GenerativeLearner.finite(m));
    }

    private static DMatrixRMaj random(SplittableRandom rng, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }
}
