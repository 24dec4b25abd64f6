package io.gendict.core.eval;

import io.gendict.core.error.Checks;
import io.gendict.core.kernel.Kernels;
import org.ejml.data.DMatrixRMaj;

/**
 * The paper's compression/denoising metric (docs/algorithms.md §3): the mean over samples of the
 * Euclidean norm (not squared) of the difference between a reconstruction and the clean signal.
 *
 * @since 0.1
 */
public final class ReconstructionError {
    private ReconstructionError() {
    }

    /**
     * (1/B) Σ_i ‖A·x̂_i − s_i‖.
     *
     * @param a     m×n dictionary. Not modified.
     * @param xHat  B×n reconstructed coefficients. Not modified.
     * @param clean B×m clean signals A*·G(z*_i) (or clean images). Not modified.
     * @return the mean error
     */
    public static double ofCoefficients(DMatrixRMaj a, DMatrixRMaj xHat, DMatrixRMaj clean) {
        Checks.shape("x̂", xHat, clean.numRows, a.numCols);
        Checks.shape("clean signals", clean, -1, a.numRows);
        return meanRowDistance(reconstruct(a, xHat), clean);
    }

    /**
     * The reconstructions A·x̂_i, one per row.
     *
     * @param a    m×n dictionary. Not modified.
     * @param xHat B×n coefficients. Not modified.
     * @return B×m
     */
    public static DMatrixRMaj reconstruct(DMatrixRMaj a, DMatrixRMaj xHat) {
        Checks.shape("x̂", xHat, -1, a.numCols);
        DMatrixRMaj recon = new DMatrixRMaj(xHat.numRows, a.numRows);
        Kernels.get().gemm(false, true, 1.0, xHat, a, 0.0, recon);
        return recon;
    }

    /**
     * (1/B) Σ_i ‖u_i − v_i‖ over rows.
     *
     * @param u B×m. Not modified.
     * @param v B×m. Not modified.
     * @return the mean row distance (0 for B = 0)
     */
    public static double meanRowDistance(DMatrixRMaj u, DMatrixRMaj v) {
        double[] d = rowDistances(u, v);
        double total = 0;
        for (double x : d) {
            total += x;
        }
        return d.length == 0 ? 0 : total / d.length;
    }

    /**
     * The per-sample errors ‖u_i − v_i‖, whose mean is {@link #meanRowDistance}.
     *
     * @param u B×m. Not modified.
     * @param v B×m. Not modified.
     * @return B distances
     */
    public static double[] rowDistances(DMatrixRMaj u, DMatrixRMaj v) {
        Checks.shape("second operand", v, u.numRows, u.numCols);
        int rows = u.numRows;
        int cols = u.numCols;
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = i * cols, end = j + cols; j < end; j++) {
                double d = u.data[j] - v.data[j];
                s += d * d;
            }
            out[i] = Math.sqrt(s);
        }
        return out;
    }
}
