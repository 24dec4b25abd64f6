package io.gendict.baselines;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** K-SVD's exact atom update against a full SVD of the same residual. */
class KsvdTopSingularTest {
    /** Wide residuals (few signals, the usual case), square ones and tall ones (more signals than m). */
    @ParameterizedTest
    @CsvSource({"1, 40", "7, 40", "40, 40", "60, 9"})
    void atomIsTheTopRightSingularVectorAndCoefficientsProjectOnIt(int count, int m) {
        Random rnd = new Random(count * 100L + m);
        DMatrixRMaj e = RandomMatrices_DDRM.rectangle(count, m, -1, 1, rnd);
        double[] old = new double[m];
        for (int i = 0; i < m; i++) {
            old[i] = rnd.nextGaussian();
        }
        double[] atom = old.clone();
        double[] g = new double[count];
        new KsvdLearner.TopSingular(m).update(e, atom, 0, g);

        SingularValueDecomposition_F64<DMatrixRMaj> full = DecompositionFactory_DDRM.svd(true, true, false);
        assertTrue(full.decompose(e.copy()));
        double[] sv = full.getSingularValues();
        int top = 0;
        for (int i = 1; i < full.numberOfSingularValues(); i++) {
            top = sv[i] > sv[top] ? i : top;
        }
        DMatrixRMaj v = full.getV(null, false);
        double overlap = 0;
        double norm = 0;
        double orientation = 0;
        for (int i = 0; i < m; i++) {
            overlap += atom[i] * v.get(i, top);
            norm += atom[i] * atom[i];
            orientation += atom[i] * old[i];
        }
        assertEquals(1, norm, 1e-12, "unit norm");
        assertEquals(1, Math.abs(overlap), 1e-10, "top right singular vector");
        assertTrue(orientation >= 0, "keeps the old atom's orientation");
        DMatrixRMaj projected = new DMatrixRMaj(count, 1);
        CommonOps_DDRM.mult(e, DMatrixRMaj.wrap(m, 1, atom), projected);
        for (int i = 0; i < count; i++) {
            assertEquals(projected.data[i], g[i], 1e-12, "g = E·d");
        }
    }
}
