package io.gendict.oracles.update;

import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.learn.Adam;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.UpdateRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.SplittableRandom;

/**
 * The paper's practical update (ALGORITHMS.md §2.2): with X fixed, Adam on A for
 * ‖Y − X·Aᵀ‖²_F, state reset per call. Gram form: ∇ = 2(A·XᵀX − YᵀX) with XᵀX and YᵀX formed
 * once per call; each step costs one m×n×n product (or, when the batch is smaller than n/2, the
 * cheaper (A·Xᵀ)·X), then one allocation-free Adam update.
 *
 * @since 0.1
 */
public final class AdamUpdateRule implements UpdateRule {
    private final double lr;
    private final int iterations;
    private Adam adam;

    /**
     * @param lr         Adam learning rate (paper: 1e-3)
     * @param iterations Adam steps per batch (paper: 1000)
     */
    public AdamUpdateRule(double lr, int iterations) {
        this.lr = lr;
        this.iterations = iterations;
    }

    @Override
    public void start(DMatrixRMaj a0, GenerativePrior prior, SplittableRandom rng) {
        adam = new Adam(a0.numRows * a0.numCols, lr);
    }

    @Override
    public void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x) {
        int rows = y.numRows;
        int m = a.numRows;
        int n = a.numCols;
        MatrixKernels kern = Kernels.get();
        DMatrixRMaj ytx = new DMatrixRMaj(m, n);
        kern.gemm(true, false, 1, y, x, 0, ytx);
        boolean gram = n <= 2 * rows;
        DMatrixRMaj xtx = gram ? new DMatrixRMaj(n, n) : null;
        DMatrixRMaj axt = gram ? null : new DMatrixRMaj(m, rows);
        DMatrixRMaj xt = gram ? null : CommonOps_DDRM.transpose(x, null);
        if (gram) {
            kern.gemm(true, false, 1, x, x, 0, xtx);
        }
        DMatrixRMaj grad = new DMatrixRMaj(m, n);
        adam.reset();
        for (int it = 0; it < iterations; it++) {
            if (gram) {
                kern.gemm(false, false, 1, a, xtx, 0, grad);
            } else {
                kern.gemm(false, false, 1, a, xt, 0, axt);
                kern.gemm(false, false, 1, axt, x, 0, grad);
            }
            double[] g = grad.data;
            double[] t = ytx.data;
            for (int i = 0, size = m * n; i < size; i++) {
                g[i] = 2 * (g[i] - t[i]);
            }
            adam.step(a.data, g);
        }
    }
}
