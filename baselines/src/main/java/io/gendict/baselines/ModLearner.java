package io.gendict.baselines;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.linalg.Cholesky;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;

import java.util.Map;

/**
 * Method of Optimal Directions (Engan, Aase &amp; Husøy 1999), docs/algorithms.md §7.4: code with
 * Batch-OMP (K non-zeros), then D = S_yx·(S_xx + λI)⁻¹ with S_yx = Σ y xᵀ, S_xx = Σ x xᵀ,
 * λ = 1e-10·tr(S_xx)/n, then normalize the atoms.
 *
 * <p>Mini-batch mode (default): each {@link #fit} adds the batch's sums to running sums kept over
 * all batches and solves once. Batch mode: each fit runs {@code iterations} MOD iterations on that
 * batch alone (sums reset every iteration), warm started from the current dictionary. An atom no
 * code has used (S_xx,jj = 0) is replaced by the normalized worst-represented signal of the
 * batch; a batch whose codes are all zero (e.g. all-zero signals) leaves the dictionary unchanged.
 */
final class ModLearner extends SparseLearner {
    private final MatrixKernels kernels = Kernels.get();
    private final boolean miniBatch;
    private final int iterations;
    private final DMatrixRMaj sxx;
    private final DMatrixRMaj sxy;
    /** S_xx + λI, the matrix the update factors. */
    private final DMatrixRMaj regularized;
    /** S_xy transposed (m×n), solved row by row into the unnormalized dictionary. */
    private final DMatrixRMaj rhs;
    private final Cholesky chol;

    ModLearner(LearnerSettings settings, LearnerContext context, boolean miniBatch, int iterations) {
        super(settings, context);
        this.miniBatch = miniBatch;
        this.iterations = miniBatch ? 1 : iterations;
        sxx = new DMatrixRMaj(settings.atoms(), settings.atoms());
        sxy = new DMatrixRMaj(settings.atoms(), settings.m());
        regularized = new DMatrixRMaj(settings.atoms(), settings.atoms());
        rhs = new DMatrixRMaj(settings.m(), settings.atoms());
        chol = new Cholesky(settings.atoms(), settings.threads());
    }

    @Override
    protected double update(DMatrixRMaj y) {
        double first = 0;
        double[] res = new double[y.numRows];
        for (int it = 0; it < iterations; it++) {
            Codes codes = code(y, res);
            if (it == 0) {
                first = mean(res, y.numRows);
            }
            if (!miniBatch) {
                sxx.zero();
                sxy.zero();
            }
            accumulate(y, codes);
            solve(y, res);
        }
        return first;
    }

    @Override
    protected void saveState(Map<String, DMatrixRMaj> state) {
        state.put("sxx", sxx.copy());
        state.put("sxy", sxy.copy());
    }

    @Override
    protected void restoreState(Map<String, DMatrixRMaj> state) {
        sxx.setTo(entry(state, "sxx", sxx.numRows, sxx.numCols));
        sxy.setTo(entry(state, "sxy", sxy.numRows, sxy.numCols));
    }

    /** S_xx += Σ x xᵀ and S_xy (n×m) += Σ x yᵀ over the batch, from the sparse codes. */
    private void accumulate(DMatrixRMaj y, Codes codes) {
        int m = y.numCols;
        int n = sxx.numCols;
        int k = codes.values().numCols;
        int[] idx = codes.indices();
        double[] val = codes.values().data;
        for (int b = 0; b < y.numRows; b++) {
            for (int s = 0; s < k; s++) {
                int j = idx[b * k + s];
                if (j < 0) {
                    continue;
                }
                double v = val[b * k + s];
                kernels.axpy(m, v, y.data, b * m, sxy.data, j * m);
                for (int t = 0; t < k; t++) {
                    int l = idx[b * k + t];
                    if (l >= 0) {
                        sxx.data[j * n + l] += v * val[b * k + t];
                    }
                }
            }
        }
    }

    /** Dᵀ = (S_xx + λI)⁻¹ S_xy, dead atoms replaced, atoms normalized. */
    private void solve(DMatrixRMaj y, double[] res) {
        int n = sxx.numCols;
        double trace = 0;
        for (int j = 0; j < n; j++) {
            trace += sxx.data[j * n + j];
        }
        if (!(trace > 0)) {
            return;
        }
        regularized.setTo(sxx);
        double lambda = 1e-10 * trace / n;
        for (int j = 0; j < n; j++) {
            regularized.data[j * n + j] += lambda;
        }
        if (!chol.factor(regularized)) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE,
                    settings.name() + ": S_xx + λI is not positive definite (λ = " + lambda + ")");
        }
        Atoms.transpose(sxy, rhs);
        chol.solveRows(rhs);
        DMatrixRMaj dt = new DMatrixRMaj(n, y.numCols);
        Atoms.transpose(rhs, dt);
        WorstSignals worst = new WorstSignals(y, res);
        for (int j = 0; j < n; j++) {
            double norm = Atoms.norm(dt.data, j * y.numCols, y.numCols);
            if (sxx.data[j * n + j] == 0 || !(norm > 0)) {
                if (!worst.replace(dt, j)) {
                    System.arraycopy(columnOf(j), 0, dt.data, j * y.numCols, y.numCols);
                }
            } else {
                for (int i = 0; i < y.numCols; i++) {
                    dt.data[j * y.numCols + i] /= norm;
                }
            }
        }
        Atoms.transpose(dt, dict);
    }

    private double[] columnOf(int j) {
        double[] c = new double[dict.numRows];
        for (int i = 0; i < c.length; i++) {
            c[i] = dict.data[i * dict.numCols + j];
        }
        return c;
    }
}
