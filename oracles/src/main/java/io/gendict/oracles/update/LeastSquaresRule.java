package io.gendict.oracles.update;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.UpdateRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Closed-form least-squares dictionary update (MOD, ALGORITHMS.md §7.4), over the current batch or
 * over all batches so far: accumulates S_yx ← β·S_yx + YᵀX (m×n) and S_xx ← β·S_xx + XᵀX (n×n),
 * then A = S_yx·(S_xx + λI)⁻¹ with the ridge λ = ρ·tr(S_xx)/n for rank deficiency. β = 0 is the
 * batch rule {@code least-squares}; β = 1 the {@code online-least-squares} rule over every batch
 * seen (memory independent of the sample count); 0 &lt; β &lt; 1 forgets old batches.
 *
 * @since 0.1
 */
public final class LeastSquaresRule implements UpdateRule {
    private final double forgetting;
    private final double ridge;
    private DMatrixRMaj syx;
    private DMatrixRMaj sxx;

    /**
     * @param forgetting β ∈ [0, 1]
     * @param ridge      relative ridge ρ
     */
    public LeastSquaresRule(double forgetting, double ridge) {
        this.forgetting = forgetting;
        this.ridge = ridge;
    }

    @Override
    public void start(DMatrixRMaj a0, GenerativePrior prior, SplittableRandom rng) {
        int n = prior.outputDim();
        syx = new DMatrixRMaj(a0.numRows, n);
        sxx = new DMatrixRMaj(n, n);
    }

    @Override
    public void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x) {
        MatrixKernels kern = Kernels.get();
        int n = a.numCols;
        kern.gemm(true, false, 1, y, x, forgetting, syx);
        kern.gemm(true, false, 1, x, x, forgetting, sxx);
        DMatrixRMaj s = sxx.copy();
        double trace = CommonOps_DDRM.trace(s);
        double lambda = Math.max(ridge * trace / n, Double.MIN_NORMAL);
        for (int i = 0; i < n; i++) {
            s.data[i * n + i] += lambda;
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.symmPosDef(n);
        if (!chol.setA(s)) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE,
                    "least-squares update: S_xx + λI is not positive definite (λ = " + lambda + ")");
        }
        DMatrixRMaj at = new DMatrixRMaj(n, a.numRows);
        chol.solve(CommonOps_DDRM.transpose(syx, null), at);
        CommonOps_DDRM.transpose(at, a);
    }

    @Override
    public Map<String, DMatrixRMaj> state() {
        return Map.of("syx", syx.copy(), "sxx", sxx.copy());
    }

    @Override
    public void restore(Map<String, DMatrixRMaj> state) {
        syx.setTo(state.get("syx"));
        sxx.setTo(state.get("sxx"));
    }
}
