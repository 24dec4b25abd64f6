package io.gendict.oracles.update;

import io.gendict.core.error.Checks;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.SufficientStatisticsRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.SplittableRandom;

/**
 * Algorithm 1's step (docs/algorithms.md §2.1): ĝ = (1/P)·Σ_p (A·G(ẑ_p) − y_p)·G(ẑ_p)ᵀ·C⁻¹, computed as
 * (1/P)·Rᵀ·(X·C⁻¹) with R = X·Aᵀ − Y (P×m), then A ← Proj_{B(A0,Δ)}(A − η·ĝ), column-wise: a column
 * farther than Δ from its A0 column is pulled back onto that sphere. C⁻¹ is the Monte-Carlo
 * estimate (§2.4) or the identity. Δ = 0 disables the projection. The products run on the given
 * number of threads (the result does not depend on it) into reused buffers.
 *
 * @since 0.1
 */
public final class PreconditionedGradientRule implements SufficientStatisticsRule {
    private final double eta;
    private final double delta;
    private final boolean monteCarlo;
    private final int samples;
    private final MatrixKernels kern;
    private final DMatrixRMaj residual = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj preconditioned = new DMatrixRMaj(1, 1);
    private DMatrixRMaj a0;
    private DMatrixRMaj cInv;

    /**
     * @param eta        step η
     * @param delta      projection radius Δ around A0 per column; 0 for none
     * @param monteCarlo whether C⁻¹ is estimated (else the identity)
     * @param samples    Monte-Carlo draws, ≤ 0 for max(10n, 10⁴)
     * @param threads    threads of the products, ≥ 1
     */
    public PreconditionedGradientRule(double eta, double delta, boolean monteCarlo, int samples, int threads) {
        this.eta = eta;
        this.delta = delta;
        this.monteCarlo = monteCarlo;
        this.samples = samples;
        this.kern = Kernels.parallel(threads);
    }

    @Override
    public void start(DMatrixRMaj a0, GenerativePrior prior, SplittableRandom rng) {
        Checks.shape("initial dictionary", a0, -1, prior.outputDim());
        this.a0 = a0.copy();
        int n = prior.outputDim();
        this.cInv = monteCarlo ? SecondMomentInverse.estimate(prior, samples, rng) : CommonOps_DDRM.identity(n);
    }

    /** @return the n×n C⁻¹ in use (a live view; do not modify), after {@link #start} */
    public DMatrixRMaj preconditioner() {
        return cInv;
    }

    @Override
    public void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x) {
        int rows = y.numRows;
        residual.setTo(y);
        kern.gemm(false, true, 1, x, a, -1, residual);
        preconditioned.reshape(rows, a.numCols);
        kern.gemm(false, false, 1, x, cInv, 0, preconditioned);
        kern.gemm(true, false, -eta / rows, residual, preconditioned, 1, a);
        if (delta > 0) {
            projectColumns(a);
        }
    }

    /**
     * The same step from the batch's sums: ĝ = (1/P)·(A·XᵀX − YᵀX)·C⁻¹.
     */
    @Override
    public void update(DMatrixRMaj a, DMatrixRMaj yx, DMatrixRMaj xx, int rows) {
        Checks.shape("preconditioned-gradient sum YᵀX", yx, a.numRows, a.numCols);
        Checks.shape("preconditioned-gradient sum XᵀX", xx, a.numCols, a.numCols);
        residual.setTo(yx);
        kern.gemm(false, false, 1, a, xx, -1, residual);
        kern.gemm(false, false, -eta / rows, residual, cInv, 1, a);
        if (delta > 0) {
            projectColumns(a);
        }
    }

    private void projectColumns(DMatrixRMaj a) {
        int m = a.numRows;
        int n = a.numCols;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                double d = a.data[i * n + j] - a0.data[i * n + j];
                s += d * d;
            }
            double norm = Math.sqrt(s);
            if (norm > delta) {
                double c = delta / norm;
                for (int i = 0; i < m; i++) {
                    int ij = i * n + j;
                    a.data[ij] = a0.data[ij] + c * (a.data[ij] - a0.data[ij]);
                }
            }
        }
    }
}
