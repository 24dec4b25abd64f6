package io.gendict.core.learn;

import io.gendict.core.kernel.Kernels;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

/**
 * The per-sample decode objective ‖y_b − A·G(z_b)‖², computed directly from the residual (no
 * Gram-form cancellation), as oracles report it (ALGORITHMS.md §1, Assumption 4).
 *
 * @since 0.1
 */
public final class ReconstructionError {
    private ReconstructionError() {
    }

    /**
     * @param a     m×n dictionary. Not modified.
     * @param prior the prior G
     * @param y     B×m observations. Not modified.
     * @param z     B×k latents. Not modified.
     * @param out   length ≥ B; entry b overwritten with ‖y_b − A·G(z_b)‖²
     */
    public static void perSample(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj z, double[] out) {
        int rows = y.numRows;
        int m = y.numCols;
        DMatrixRMaj x = new DMatrixRMaj(rows, prior.outputDim());
        prior.forward(z, x);
        DMatrixRMaj r = new DMatrixRMaj(rows, m);
        Kernels.get().gemm(false, true, 1, x, a, 0, r);
        double[] rd = r.data;
        double[] yd = y.data;
        for (int b = 0; b < rows; b++) {
            double s = 0;
            for (int j = b * m, end = j + m; j < end; j++) {
                double d = rd[j] - yd[j];
                s += d * d;
            }
            out[b] = s;
        }
    }
}
