package io.gendict.oracles.update;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.linalg.Cholesky;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.SufficientStatisticsRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * Closed-form least-squares dictionary update (MOD, docs/algorithms.md §7.4) over the current batch or
 * over all batches so far, weighted by a forgetting schedule β_t = β·(1 − 1/t)^p (t counts update
 * calls; p = 0 is a constant factor, p &gt; 0 down-weights the first batches, whose codes were
 * decoded against a poor dictionary, as in Mairal et al. 2010, §3.4). A_t minimises
 * J_t(A) = β_t·J_{t−1}(A) + ‖Y_t − X_t·Aᵀ‖²_F + (1 − β_t)·λ·‖A − A_{t−1}‖²_F (J_0 = λ·‖A − A0‖²_F).
 * J_t is quadratic with Hessian S_t = β_t·S_{t−1} + X_tᵀX_t + (1 − β_t)·λ·I (n×n; memory
 * independent of the sample count) and its minimiser is one Newton step from A_{t−1}:
 * A_t = A_{t−1} + R_tᵀ·X_t·S_t⁻¹ with R_t = Y_t − X_t·A_{t−1}ᵀ (one n×n Cholesky and B
 * right-hand sides: O(n³/3 + B·n·(n + m)) instead of O(m·n²) for re-solving from the sums). The
 * ridge λ = ρ·tr(X₁ᵀX₁)/n, fixed at the first batch, keeps S_t positive definite when X is
 * rank-deficient (e.g. X in a k-dimensional subspace for group sparsity). β = 0 gives the batch
 * rule {@code least-squares} (a ridge towards the previous A); β = 1, p = 0 the
 * {@code online-least-squares} rule over every batch seen.
 *
 * @since 0.1
 */
public final class LeastSquaresRule implements SufficientStatisticsRule {
    private final double forgetting;
    private final double power;
    private final double ridge;
    private final int threads;
    private final MatrixKernels kern;
    private DMatrixRMaj s;
    private Cholesky chol;
    private final DMatrixRMaj w = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj r = new DMatrixRMaj(1, 1);
    private double lambda;
    private long batches;

    /**
     * @param forgetting β ∈ [0, 1]
     * @param power      exponent p ≥ 0 of the schedule β_t = β·(1 − 1/t)^p at batch t ≥ 2
     * @param ridge      relative ridge ρ &gt; 0
     * @param threads    threads of the m×n×B and n×n×B products and of the n×n solves (the result does not depend on it)
     */
    public LeastSquaresRule(double forgetting, double power, double ridge, int threads) {
        this.forgetting = forgetting;
        this.power = power;
        this.ridge = ridge;
        this.threads = threads;
        this.kern = Kernels.parallel(threads);
    }

    @Override
    public void start(DMatrixRMaj a0, GenerativePrior prior, SplittableRandom rng) {
        int n = prior.outputDim();
        s = new DMatrixRMaj(n, n);
        chol = new Cholesky(n, threads);
        lambda = 0;
        batches = 0;
    }

    @Override
    public void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x) {
        int n = a.numCols;
        int rows = y.numRows;
        statistic(beta -> kern.gemm(true, false, 1, x, x, beta, s));
        w.reshape(rows, n);
        System.arraycopy(x.data, 0, w.data, 0, rows * n);
        chol.solveRows(w);
        r.reshape(rows, a.numRows);
        System.arraycopy(y.data, 0, r.data, 0, rows * a.numRows);
        kern.gemm(false, true, -1, x, a, 1, r);
        kern.gemm(true, false, 1, r, w, 1, a);
    }

    /**
     * The same step from the batch's sums: A_t = A_{t−1} + (YᵀX − A_{t−1}·XᵀX)·S_t⁻¹ (O(m·n²)).
     */
    @Override
    public void update(DMatrixRMaj a, DMatrixRMaj yx, DMatrixRMaj xx, int rows) {
        Checks.shape("least-squares sum YᵀX", yx, a.numRows, a.numCols);
        Checks.shape("least-squares sum XᵀX", xx, a.numCols, a.numCols);
        statistic(beta -> {
            CommonOps_DDRM.scale(beta, s);
            CommonOps_DDRM.addEquals(s, xx);
        });
        w.setTo(yx);
        kern.gemm(false, false, -1, a, xx, 1, w);
        chol.solveRows(w);
        CommonOps_DDRM.addEquals(a, w);
    }

    /**
     * Advances the schedule and forms and factors S_t.
     *
     * @param addXtX sets S ← β·S + XᵀX for the β it is given (0 at the first batch)
     */
    private void statistic(DoubleConsumer addXtX) {
        int n = s.numRows;
        batches++;
        double beta = forgetting * Math.pow(1 - 1.0 / batches, power);
        if (lambda == 0) {
            addXtX.accept(0);
            lambda = Math.max(ridge * CommonOps_DDRM.trace(s) / n, Double.MIN_NORMAL);
            addDiagonal(lambda);
        } else {
            addXtX.accept(beta);
            addDiagonal((1 - beta) * lambda);
        }
        if (!chol.factor(s)) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE,
                    "least-squares update: the " + n + "x" + n + " statistic S is not positive definite");
        }
    }

    private void addDiagonal(double v) {
        int n = s.numRows;
        for (int i = 0; i < n; i++) {
            s.data[i * n + i] += v;
        }
    }

    @Override
    public Map<String, DMatrixRMaj> state() {
        DMatrixRMaj counters = new DMatrixRMaj(1, 2);
        counters.data[0] = lambda;
        counters.data[1] = batches;
        return Map.of("s", s.copy(), "counters", counters);
    }

    @Override
    public void restore(Map<String, DMatrixRMaj> state) {
        DMatrixRMaj saved = state.get("s");
        DMatrixRMaj counters = state.get("counters");
        if (saved == null || counters == null) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "least-squares state: expected matrices 's' and 'counters'");
        }
        Checks.shape("least-squares state 's'", saved, s.numRows, s.numCols);
        Checks.shape("least-squares state 'counters'", counters, 1, 2);
        s.setTo(saved);
        lambda = counters.data[0];
        batches = (long) counters.data[1];
    }
}
