package io.gendict.baselines;

import io.gendict.core.spi.Gaussian;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.SplittableRandom;

/**
 * Column operations on an m×n dictionary (atoms as columns) and its n×m transpose (atoms as rows).
 */
final class Atoms {
    private Atoms() {
    }

    /** Scales column j of d to unit norm; returns false (leaving it) when it is zero. */
    static boolean normalizeColumn(DMatrixRMaj d, int j) {
        int n = d.numCols;
        double s = 0;
        for (int i = 0; i < d.numRows; i++) {
            double v = d.data[i * n + j];
            s += v * v;
        }
        if (!(s > 0)) {
            return false;
        }
        double inv = 1.0 / Math.sqrt(s);
        for (int i = 0; i < d.numRows; i++) {
            d.data[i * n + j] *= inv;
        }
        return true;
    }

    /** Fills column j of d with a random unit vector. */
    static void randomColumn(DMatrixRMaj d, int j, SplittableRandom rng) {
        int n = d.numCols;
        do {
            for (int i = 0; i < d.numRows; i++) {
                d.data[i * n + j] = Gaussian.next(rng);
            }
        } while (!normalizeColumn(d, j));
    }

    /** @return ‖row[off..off+len)‖ */
    static double norm(double[] row, int off, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += row[off + i] * row[off + i];
        }
        return Math.sqrt(s);
    }

    /** Copies the transpose: out (n×m) = dᵀ; out reshaped. */
    static void transpose(DMatrixRMaj d, DMatrixRMaj out) {
        out.reshape(d.numCols, d.numRows);
        CommonOps_DDRM.transpose(d, out);
    }
}
