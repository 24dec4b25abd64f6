package io.gendict.baselines;

import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import org.ejml.data.DMatrixRMaj;

/**
 * The K-SVD toolbox's dictionary clearing (Rubinstein's {@code cleardict}): after an update, an
 * atom that is a near-duplicate of another one (|⟨d_i, d_j⟩|/(‖d_i‖‖d_j‖) &gt; μ) or that fewer
 * than {@code minUse} signals used is replaced by the normalized worst-represented unused signal.
 * Atoms are visited in order, each compared with the current (possibly already replaced) others:
 * the inner products come from one Gram matrix D·Dᵀ, whose row and column of an atom are
 * recomputed when it is replaced.
 */
final class AtomCleanup {
    private final double mu;
    private final int minUse;

    /**
     * @param mu     coherence above which an atom is a duplicate (≥ 1 disables the test)
     * @param minUse minimum number of signals using an atom (0 disables the test)
     */
    AtomCleanup(double mu, int minUse) {
        this.mu = mu;
        this.minUse = minUse;
    }

    /**
     * @param dt       n×m atoms as rows. Modified.
     * @param useCount signals using each atom in the last coding, or {@code null} to skip that test
     * @param skip     atoms already replaced this round (left alone), or {@code null}
     * @param worst    source of replacements. Modified.
     * @return which atoms were replaced
     */
    boolean[] clear(DMatrixRMaj dt, int[] useCount, boolean[] skip, WorstSignals worst) {
        int n = dt.numRows;
        int m = dt.numCols;
        boolean[] replaced = new boolean[n];
        if (mu >= 1 && (minUse == 0 || useCount == null)) {
            return replaced;
        }
        double[] norm = new double[n];
        for (int j = 0; j < n; j++) {
            norm[j] = Atoms.norm(dt.data, j * m, m);
        }
        MatrixKernels kernels = Kernels.get();
        DMatrixRMaj gram = null;
        double[] products = null;
        if (mu < 1) {
            gram = new DMatrixRMaj(n, n);
            kernels.gemm(false, true, 1, dt, dt, 0, gram);
            products = new double[n];
        }
        for (int j = 0; j < n; j++) {
            if (skip != null && skip[j]) {
                continue;
            }
            boolean rare = useCount != null && useCount[j] < minUse;
            if ((rare || duplicate(gram, norm, j)) && worst.replace(dt, j)) {
                replaced[j] = true;
                norm[j] = 1;
                if (gram != null) {
                    kernels.gemv(false, 1, dt, rowOf(dt, j), 0, products);
                    for (int i = 0; i < n; i++) {
                        gram.data[i * n + j] = products[i];
                        gram.data[j * n + i] = products[i];
                    }
                }
            }
        }
        return replaced;
    }

    /** @return whether atom j has |⟨d_i, d_j⟩| &gt; μ·‖d_i‖·‖d_j‖ with another atom i (never when μ ≥ 1) */
    private boolean duplicate(DMatrixRMaj gram, double[] norm, int j) {
        if (gram == null || !(norm[j] > 0)) {
            return false;
        }
        int n = gram.numRows;
        for (int i = 0; i < n; i++) {
            if (i != j && norm[i] > 0 && Math.abs(gram.data[i * n + j]) > mu * norm[i] * norm[j]) {
                return true;
            }
        }
        return false;
    }

    private static double[] rowOf(DMatrixRMaj dt, int j) {
        double[] row = new double[dt.numCols];
        System.arraycopy(dt.data, j * dt.numCols, row, 0, dt.numCols);
        return row;
    }
}
