package io.gendict.core.kernel;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/** Test helpers: seeded random matrices and EJML reference products. */
public final class Reference {
    private Reference() {
    }

    /** @return a rows×cols matrix of N(0,1)-like entries (uniform in [-1, 1] plus a sign mix) */
    public static DMatrixRMaj random(int rows, int cols, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextDouble(-1.0, 1.0);
        }
        return m;
    }

    /** @return α·op(a)·op(b) + β·c computed by EJML's CommonOps_DDRM.mult / multTransA / multTransB / multTransAB */
    public static DMatrixRMaj gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b,
                                   double beta, DMatrixRMaj c) {
        DMatrixRMaj p = new DMatrixRMaj(c.numRows, c.numCols);
        if (transA && transB) {
            CommonOps_DDRM.multTransAB(alpha, a, b, p);
        } else if (transA) {
            CommonOps_DDRM.multTransA(alpha, a, b, p);
        } else if (transB) {
            CommonOps_DDRM.multTransB(alpha, a, b, p);
        } else {
            CommonOps_DDRM.mult(alpha, a, b, p);
        }
        if (beta != 0) {
            CommonOps_DDRM.addEquals(p, beta, c);
        }
        return p;
    }

    /** @return ‖actual − expected‖_F / max(‖expected‖_F, tiny) */
    public static double relativeError(DMatrixRMaj actual, DMatrixRMaj expected) {
        DMatrixRMaj d = new DMatrixRMaj(expected.numRows, expected.numCols);
        CommonOps_DDRM.subtract(actual, expected, d);
        return NormOps_DDRM.normF(d) / Math.max(NormOps_DDRM.normF(expected), Double.MIN_NORMAL);
    }
}
