package io.gendict.oracles.update;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CholeskyTest {
    @Test
    void solvesRowsAgainstSpdMatrix() {
        Random rnd = new Random(3);
        int n = 37;
        DMatrixRMaj g = RandomMatrices_DDRM.rectangle(50, n, -1, 1, rnd);
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(g, g, s);
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(5, n, -1, 1, rnd);
        Cholesky chol = new Cholesky(n);
        assertTrue(chol.factor(s));
        DMatrixRMaj w = x.copy();
        chol.solveRows(w);
        DMatrixRMaj back = new DMatrixRMaj(5, n);
        CommonOps_DDRM.mult(w, s, back);
        assertArrayEquals(x.data, back.data, 1e-9);
    }

    @Test
    void rejectsIndefiniteMatrix() {
        DMatrixRMaj s = new DMatrixRMaj(new double[][]{{1, 2}, {2, 1}});
        assertFalse(new Cholesky(2).factor(s));
    }
}
