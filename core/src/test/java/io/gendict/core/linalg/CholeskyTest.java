package io.gendict.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CholeskyTest {
    /** Orders around the panel size: one entry, a partial panel, one panel, a panel and one row, several with a tail. */
    @ParameterizedTest
    @ValueSource(ints = {1, Cholesky.BLOCK - 1, Cholesky.BLOCK, Cholesky.BLOCK + 1, 3 * Cholesky.BLOCK + 7})
    void solvesRowsAgainstSpdMatrix(int n) {
        Random rnd = new Random(3 + n);
        DMatrixRMaj s = spd(n, rnd);
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(9, n, -1, 1, rnd);
        for (int threads = 1; threads <= 3; threads++) {
            Cholesky chol = new Cholesky(n, threads);
            assertTrue(chol.factor(s));
            DMatrixRMaj w = x.copy();
            chol.solveRows(w);
            DMatrixRMaj back = new DMatrixRMaj(9, n);
            CommonOps_DDRM.mult(w, s, back);
            assertArrayEquals(x.data, back.data, 1e-9, threads + " threads");
        }
    }

    @Test
    void resultDoesNotDependOnThreads() {
        int n = 5 * Cholesky.BLOCK + 3;
        Random rnd = new Random(11);
        DMatrixRMaj s = spd(n, rnd);
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(300, n, -1, 1, rnd);
        DMatrixRMaj one = solve(s, x, 1);
        assertArrayEquals(one.data, solve(s, x, 2).data, 0.0);
        assertArrayEquals(one.data, solve(s, x, 3).data, 0.0);
        DMatrixRMaj expected = new DMatrixRMaj(n, x.numRows);
        CommonOps_DDRM.solve(s, CommonOps_DDRM.transpose(x, null), expected);
        DMatrixRMaj diff = CommonOps_DDRM.subtract(CommonOps_DDRM.transpose(expected, null), one, null);
        assertEquals(0, CommonOps_DDRM.elementMaxAbs(diff) / CommonOps_DDRM.elementMaxAbs(expected), 1e-10);
    }

    @Test
    void rejectsIndefiniteMatrix() {
        DMatrixRMaj s = new DMatrixRMaj(new double[][]{{1, 2}, {2, 1}});
        assertFalse(new Cholesky(2, 1).factor(s));
    }

    @Test
    void rejectsMatrixIndefiniteOnlyInALaterPanel() {
        int n = 2 * Cholesky.BLOCK + 5;
        DMatrixRMaj s = spd(n, new Random(5));
        int last = n - 1;
        s.set(last, last, -1);
        assertFalse(new Cholesky(n, 2).factor(s));
    }

    private static DMatrixRMaj solve(DMatrixRMaj s, DMatrixRMaj x, int threads) {
        Cholesky chol = new Cholesky(s.numRows, threads);
        assertTrue(chol.factor(s));
        DMatrixRMaj w = x.copy();
        chol.solveRows(w);
        return w;
    }

    /** GᵀG + I for a random (n + 13)×n G: well conditioned. */
    private static DMatrixRMaj spd(int n, Random rnd) {
        DMatrixRMaj g = RandomMatrices_DDRM.rectangle(n + 13, n, -1, 1, rnd);
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(g, g, s);
        for (int i = 0; i < n; i++) {
            s.add(i, i, 1);
        }
        return s;
    }
}
