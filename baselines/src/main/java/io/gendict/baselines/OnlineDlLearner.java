package io.gendict.baselines;

import io.gendict.baselines.omp.SparseCodes;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Map;

/**
 * Online dictionary learning (Mairal, Bach, Ponce &amp; Sapiro 2009), docs/algorithms.md §7.5, with
 * scikit-learn's mini-batch bookkeeping (MiniBatchDictionaryLearning 1.1+). Each {@link #fit} is
 * one mini-batch of size η = B: code it (OMP with K non-zeros, or lasso with penalty α), update the
 * accumulators with forgetting, A ← βA + CᵀC/η (n×n), B ← βB + CᵀY/η (kept n×m), where
 * θ = (t+1)η if t &lt; η − 1 else η² + t + 1 − η and β = (θ + 1 − η)/(θ + 1) for step t = 0, 1, …;
 * then one block-coordinate pass over the atoms: d_j += (b_j − D a_j)/A_jj and
 * d_j /= max(‖d_j‖, 1). Where A_jj ≤ 1e-6 (an atom not used lately) the atom is replaced by the
 * normalized worst-represented signal of the batch (scikit-learn uses a random one). Addition to
 * Mairal's method, as in the K-SVD toolbox: after the pass, an atom whose coherence with another
 * exceeds μ ({@code mu-threshold}, 1 disables it) is replaced the same way and its accumulator
 * rows are reset, so duplicate atoms do not stay stuck. When {@link AtomRestart} (off by default)
 * restarts the atom whose signals are worst represented, all accumulators are cleared and the step
 * count starts again at 0: their codes were computed with a dictionary stuck in a local minimum.
 * The residuals used are those of the coding, before the atom pass.
 */
final class OnlineDlLearner extends SparseLearner {
    private final MatrixKernels kernels = Kernels.get();
    private final boolean lasso;
    private final double alpha;
    private final DMatrixRMaj accA;
    private final DMatrixRMaj accB;
    private final DMatrixRMaj dt;
    private final DMatrixRMaj c = new DMatrixRMaj(1, 1);
    private final double[] step;
    private final AtomCleanup cleanup;
    private final AtomRestart restart;
    private long t;

    OnlineDlLearner(LearnerSettings settings, LearnerContext context, boolean lasso, double alpha,
                    AtomCleanup cleanup, AtomRestart restart) {
        super(settings, context);
        this.restart = restart;
        this.cleanup = cleanup;
        this.lasso = lasso;
        this.alpha = alpha;
        accA = new DMatrixRMaj(settings.atoms(), settings.atoms());
        accB = new DMatrixRMaj(settings.atoms(), settings.m());
        dt = new DMatrixRMaj(settings.atoms(), settings.m());
        step = new double[settings.m()];
    }

    @Override
    protected void saveState(Map<String, DMatrixRMaj> state) {
        state.put("accA", accA.copy());
        state.put("accB", accB.copy());
        DMatrixRMaj steps = new DMatrixRMaj(1, 1);
        steps.data[0] = t;
        state.put("t", steps);
    }

    @Override
    protected void restoreState(Map<String, DMatrixRMaj> state) {
        accA.setTo(entry(state, "accA", accA.numRows, accA.numCols));
        accB.setTo(entry(state, "accB", accB.numRows, accB.numCols));
        t = (long) entry(state, "t", 1, 1).data[0];
    }

    @Override
    protected double update(DMatrixRMaj y) {
        int rows = y.numRows;
        int m = y.numCols;
        int n = settings.atoms();
        double[] res = new double[rows];
        if (lasso) {
            LassoCoder.code(dict, y, alpha, workers, c, res);
        } else {
            SparseCodes.scatter(code(y, res), n, c);
        }
        double theta = t < rows - 1 ? (t + 1.0) * rows : (double) rows * rows + t + 1 - rows;
        double beta = (theta + 1 - rows) / (theta + 1);
        kernels.gemm(true, false, 1.0 / rows, c, c, beta, accA);
        kernels.gemm(true, false, 1.0 / rows, c, y, beta, accB);
        Atoms.transpose(dict, dt);
        WorstSignals worst = new WorstSignals(y, res);
        for (int j = 0; j < n; j++) {
            double ajj = accA.data[j * n + j];
            if (ajj > 1e-6) {
                System.arraycopy(accB.data, j * m, step, 0, m);
                for (int l = 0; l < n; l++) {
                    double a = accA.data[j * n + l];
                    if (a != 0) {
                        kernels.axpy(m, -a, dt.data, l * m, step, 0);
                    }
                }
                kernels.axpy(m, 1.0 / ajj, step, 0, dt.data, j * m);
            } else {
                worst.replace(dt, j);
            }
            double norm = Atoms.norm(dt.data, j * m, m);
            if (norm > 1) {
                for (int i = 0; i < m; i++) {
                    dt.data[j * m + i] /= norm;
                }
            }
        }
        boolean[] replaced = cleanup.clear(dt, null, null, worst);
        for (int j = 0; j < n; j++) {
            if (replaced[j]) {
                for (int l = 0; l < n; l++) {
                    accA.data[j * n + l] = 0;
                    accA.data[l * n + j] = 0;
                }
                Arrays.fill(accB.data, j * m, (j + 1) * m, 0.0);
            }
        }
        t++;
        if (restart.apply(y, res, c, dt, worst) >= 0) {
            accA.zero();
            accB.zero();
            t = 0;
        }
        Atoms.transpose(dt, dict);
        return mean(res, rows);
    }
}
