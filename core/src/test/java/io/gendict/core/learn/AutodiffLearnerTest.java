package io.gendict.core.learn;

import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutodiffLearnerTest {

    private static DMatrixRMaj data(SplittableRandom rng, DMatrixRMaj aStar, int rows) {
        DMatrixRMaj z = new DMatrixRMaj(rows, aStar.numCols);
        for (int i = 0; i < z.data.length; i++) {
            z.data[i] = Gaussian.next(rng);
        }
        DMatrixRMaj y = new DMatrixRMaj(rows, aStar.numRows);
        CommonOps_DDRM.multTransB(z, aStar, y);
        return y;
    }

    private static DictionaryLearner learner() {
        return new AutodiffLearner(LinearTestPrior.leastSquaresOracle(),
                new LearnerContext(5, new LinearTestPrior(3), null, 11, 1), new AutodiffLearner.Options(1e-2, 1e-2, 300));
    }

    private static double relativeError(DictionaryLearner l, DMatrixRMaj y) {
        DMatrixRMaj x = new DMatrixRMaj(y.numRows, 3);
        l.coefficients(l.encode(y), x);
        DMatrixRMaj rec = new DMatrixRMaj(y.numRows, y.numCols);
        CommonOps_DDRM.multTransB(x, l.dictionary(), rec);
        return NormOps_DDRM.normF(CommonOps_DDRM.subtract(rec, y, null)) / NormOps_DDRM.normF(y);
    }

    @Test
    void jointAdamLearnsTheRangeOfTheDictionaryAndIsDeterministic() {
        SplittableRandom rng = new SplittableRandom(5);
        DMatrixRMaj aStar = new DMatrixRMaj(5, 3);
        for (int i = 0; i < aStar.data.length; i++) {
            aStar.data[i] = rng.nextDouble();
        }
        DMatrixRMaj test = data(rng, aStar, 50);
        DictionaryLearner l = learner();
        DictionaryLearner again = learner();
        double before = relativeError(l, test);
        for (int b = 0; b < 4; b++) {
            DMatrixRMaj y = data(rng, aStar, 20);
            l.fit(y);
            again.fit(y);
        }
        double after = relativeError(l, test);
        assertTrue(after < 0.05 && after < 0.2 * before, "relative test error before " + before + ", after " + after);
        assertArrayEquals(l.dictionary().data, again.dictionary().data);
    }
}
