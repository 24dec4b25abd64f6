package io.gendict.theory.estimate;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PairDifferencesTest {
    /** Rows in span{b_1, b_2, b_3} ⊂ R^8 with two coordinates always zero, more rows than columns. */
    @Test
    void spanBasisRecoversASubspaceWithZeroCoordinates() {
        SplittableRandom rng = new SplittableRandom(31);
        DMatrixRMaj b = TestPriors.gaussian(3, 8, 1, rng);
        for (int r = 0; r < 3; r++) {
            b.set(r, 2, 0);
            b.set(r, 5, 0);
        }
        DMatrixRMaj rows = new DMatrixRMaj(50, 8);
        CommonOps_DDRM.mult(TestPriors.gaussian(50, 3, 1, rng), b, rows);
        double[] norms = new double[50];
        Arrays.fill(norms, 1);
        DMatrixRMaj u = PairDifferences.spanBasis(rows, norms);
        assertEquals(3, u.numCols);
        DMatrixRMaj utu = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransA(u, u, utu);
        assertEquals(0, CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.subtract(utu, CommonOps_DDRM.identity(3), null)),
                1e-12, "orthonormal columns");
        DMatrixRMaj proj = new DMatrixRMaj(8, 8);
        CommonOps_DDRM.multTransB(u, u, proj);
        DMatrixRMaj projected = new DMatrixRMaj(3, 8);
        CommonOps_DDRM.mult(b, proj, projected);
        assertEquals(0, CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.subtract(projected, b, null)), 1e-10,
                "the basis spans every generating row");
    }
}
