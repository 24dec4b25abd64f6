package io.gendict.baselines;

import io.gendict.core.kernel.Kernels;
import org.ejml.data.DMatrixRMaj;

/**
 * The K-SVD toolbox's dictionary clearing (Rubinstein's {@code cleardict}): after an update, an
 * atom that is a near-duplicate of another one (|⟨d_i, d_j⟩|/(‖d_i‖‖d_j‖) &gt; μ) or that fewer
 * than {@code minUse} signals used is replaced by the normalized worst-represented unused signal.
 * Atoms are visited in order, each compared with the current (possibly already replaced) others.
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
        for (int j = 0; j < n; j++) {
            if (skip != null && skip[j]) {
                continue;
            }
            boolean rare = useCount != null && useCount[j] < minUse;
            if ((rare || duplicate(dt, norm, j)) && worst.replace(dt, j)) {
                replaced[j] = true;
                norm[j] = 1;
            }
        }
        return replaced;
    }

    private boolean duplicate(DMatrixRMaj dt, double[] norm, int j) {
        if (mu >= 1 || !(norm[j] > 0)) {
            return false;
        }
        int m = dt.numCols;
        for (int i = 0; i < dt.numRows; i++) {
            if (i != j && norm[i] > 0
                    && Math.abs(Kernels.get().dot(m, dt.data, i * m, dt.data, j * m)) > mu * norm[i] * norm[j]) {
                return true;
            }
        }
        return false;
    }
}
