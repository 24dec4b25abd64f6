package io.gendict.baselines;

import io.gendict.baselines.omp.SparseCodes;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import java.util.Arrays;

/**
 * K-SVD (Aharon, Elad &amp; Bruckstein 2006) and approximate K-SVD (Rubinstein, Zibulevsky &amp;
 * Elad 2008), docs/algorithms.md §7.3.
 *
 * <p>One {@link #fit} call runs {@code iterations} K-SVD iterations on that batch alone, warm
 * started from the current dictionary: code the batch with Batch-OMP (K non-zeros), then update the
 * atoms in order, each from the residual E of the signals that use it, E = Y_ω − D X_ω + d_j X_{j,ω}
 * (later atoms see the updated atoms and codes). Exact: d_j and X_{j,ω} from the top singular
 * triplet of E (sign chosen so that d_j keeps its orientation). Approximate: one power-iteration
 * step, d = Eᵀg / ‖Eᵀg‖, g = E d. An atom no signal uses is replaced by the normalized
 * worst-represented signal of the batch (each signal used once per iteration); if none is left,
 * e.g. every signal is zero, the atom is kept. After the sweep, {@link AtomCleanup} replaces
 * near-duplicate and rarely used atoms as the K-SVD toolbox does, and {@link AtomRestart} (when
 * enabled) restarts the atom whose signals are worst represented. Atoms stay unit-norm.
 */
final class KsvdLearner extends SparseLearner {
    private final MatrixKernels kernels = Kernels.get();
    private final boolean approximate;
    private final int iterations;
    private final AtomCleanup cleanup;
    private final AtomRestart restart;

    KsvdLearner(LearnerSettings settings, LearnerContext context, boolean approximate, int iterations,
                AtomCleanup cleanup, AtomRestart restart) {
        super(settings, context);
        this.restart = restart;
        this.approximate = approximate;
        this.iterations = iterations;
        this.cleanup = cleanup;
    }

    @Override
    protected double update(DMatrixRMaj y) {
        double first = 0;
        double[] res = new double[y.numRows];
        DMatrixRMaj dt = new DMatrixRMaj(1, 1);
        for (int it = 0; it < iterations; it++) {
            Codes codes = code(y, res);
            if (it == 0) {
                first = mean(res, y.numRows);
            }
            Atoms.transpose(dict, dt);
            sweep(y, codes, dt);
            Atoms.transpose(dt, dict);
        }
        return first;
    }

    /** Updates every atom (rows of dt, n×m) and the codes' values in place. */
    private void sweep(DMatrixRMaj y, Codes codes, DMatrixRMaj dt) {
        int rows = y.numRows;
        int m = y.numCols;
        int n = dt.numRows;
        int k = codes.values().numCols;
        int[] idx = codes.indices();
        double[] val = codes.values().data;
        DMatrixRMaj r = y.copy();
        int[] start = new int[n + 1];
        for (int slot = 0; slot < idx.length; slot++) {
            int j = idx[slot];
            if (j >= 0) {
                kernels.axpy(m, -val[slot], dt.data, j * m, r.data, (slot / k) * m);
                start[j + 1]++;
            }
        }
        for (int j = 0; j < n; j++) {
            start[j + 1] += start[j];
        }
        int[] slots = new int[start[n]];
        int[] cursor = start.clone();
        for (int slot = 0; slot < idx.length; slot++) {
            if (idx[slot] >= 0) {
                slots[cursor[idx[slot]]++] = slot;
            }
        }
        double[] err = new double[rows];
        for (int b = 0; b < rows; b++) {
            err[b] = kernels.dot(m, r.data, b * m, r.data, b * m);
        }
        WorstSignals worst = new WorstSignals(y, err);
        AtomUpdate upd = approximate ? new PowerStep(m) : new TopSingular(m);
        DMatrixRMaj e = new DMatrixRMaj(1, m);
        double[] g = new double[rows];
        int[] useCount = new int[n];
        boolean[] dead = new boolean[n];
        for (int j = 0; j < n; j++) {
            int count = start[j + 1] - start[j];
            useCount[j] = count;
            if (count == 0) {
                dead[j] = worst.replace(dt, j);
                continue;
            }
            e.reshape(count, m);
            for (int i = 0; i < count; i++) {
                int slot = slots[start[j] + i];
                System.arraycopy(r.data, (slot / k) * m, e.data, i * m, m);
                kernels.axpy(m, val[slot], dt.data, j * m, e.data, i * m);
                g[i] = val[slot];
            }
            upd.update(e, dt.data, j * m, g);
            for (int i = 0; i < count; i++) {
                int slot = slots[start[j] + i];
                int b = slot / k;
                val[slot] = g[i];
                System.arraycopy(e.data, i * m, r.data, b * m, m);
                kernels.axpy(m, -g[i], dt.data, j * m, r.data, b * m);
                err[b] = kernels.dot(m, r.data, b * m, r.data, b * m);
            }
        }
        cleanup.clear(dt, useCount, dead, worst);
        if (restart.enabled()) {
            DMatrixRMaj c = new DMatrixRMaj(rows, n);
            SparseCodes.scatter(codes, n, c);
            restart.apply(y, err, c, dt, worst);
        }
    }

    /** A rank-1 fit of E (count×m): sets the atom d (unit norm) and the coefficients g so that E ≈ g·dᵀ. */
    private interface AtomUpdate {
        /**
         * @param e    count×m residual including the atom's own contribution. Not modified.
         * @param atom holds the old atom at [off, off+m), overwritten with the new one (kept when E = 0)
         * @param off  offset of the atom
         * @param g    old coefficients in [0, count), overwritten with the new ones
         */
        void update(DMatrixRMaj e, double[] atom, int off, double[] g);
    }

    /**
     * Exact update: the top singular triplet (σ1, u1, v1) of E, then d = v1 and g = E·v1 = σ1·u1.
     * E has far fewer rows (the signals using the atom) than columns (m), so the SVD computes only
     * the small left factor, and v1 = Eᵀu1/‖Eᵀu1‖: O(count²·m) work instead of the O(count·m²) of
     * accumulating the right factor.
     */
    static final class TopSingular implements AtomUpdate {
        private final SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(true, false, true);
        private final MatrixKernels kernels = Kernels.get();
        private final DMatrixRMaj u = new DMatrixRMaj(1, 1);
        private final double[] v;
        private double[] u1 = new double[0];

        TopSingular(int m) {
            v = new double[m];
        }

        @Override
        public void update(DMatrixRMaj e, double[] atom, int off, double[] g) {
            int m = e.numCols;
            if (!svd.decompose(svd.inputModified() ? e.copy() : e)) {
                return;
            }
            double[] sv = svd.getSingularValues();
            int top = 0;
            for (int i = 1; i < svd.numberOfSingularValues(); i++) {
                if (sv[i] > sv[top]) {
                    top = i;
                }
            }
            if (!(sv[top] > 0)) {
                return;
            }
            svd.getU(u, false);
            if (u1.length < e.numRows) {
                u1 = new double[e.numRows];
            }
            for (int i = 0; i < e.numRows; i++) {
                u1[i] = u.get(i, top);
            }
            kernels.gemv(true, 1, e, u1, 0, v);
            double norm = Atoms.norm(v, 0, m);
            if (!(norm > 0)) {
                return;
            }
            double scale = (kernels.dot(m, v, 0, atom, off) < 0 ? -1 : 1) / norm;
            for (int i = 0; i < m; i++) {
                atom[off + i] = scale * v[i];
            }
            for (int i = 0; i < e.numRows; i++) {
                g[i] = kernels.dot(m, e.data, i * m, atom, off);
            }
        }
    }

    /** Approximate update: one alternating (power-iteration) step from the old coefficients. */
    private static final class PowerStep implements AtomUpdate {
        private final MatrixKernels kernels = Kernels.get();
        private final double[] d;

        PowerStep(int m) {
            d = new double[m];
        }

        @Override
        public void update(DMatrixRMaj e, double[] atom, int off, double[] g) {
            int m = e.numCols;
            Arrays.fill(d, 0.0);
            for (int i = 0; i < e.numRows; i++) {
                kernels.axpy(m, g[i], e.data, i * m, d, 0);
            }
            double norm = Atoms.norm(d, 0, m);
            if (!(norm > 0)) {
                return;
            }
            for (int i = 0; i < m; i++) {
                atom[off + i] = d[i] / norm;
            }
            for (int i = 0; i < e.numRows; i++) {
                g[i] = kernels.dot(m, e.data, i * m, atom, off);
            }
        }
    }
}
