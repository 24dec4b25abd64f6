package io.gendict.baselines;

import org.ejml.data.DMatrixRMaj;

/**
 * Hands out replacements for dead atoms (docs/algorithms.md §7.3): the normalized non-zero signal with
 * the largest representation error that has not been handed out yet in this round.
 */
final class WorstSignals {
    private final DMatrixRMaj y;
    private final double[] error;
    private final boolean[] used;

    /**
     * @param y     B×m batch. Not modified.
     * @param error per-signal representation errors, read at each request (the caller may update them)
     */
    WorstSignals(DMatrixRMaj y, double[] error) {
        this.y = y;
        this.error = error;
        this.used = new boolean[y.numRows];
    }

    /**
     * Writes the next replacement atom into row {@code row} of {@code atoms} (atoms as rows, n×m).
     *
     * @return whether a replacement was found (false when no unused non-zero signal is left; the atom is kept)
     */
    boolean replace(DMatrixRMaj atoms, int row) {
        int m = y.numCols;
        while (true) {
            int best = -1;
            for (int b = 0; b < y.numRows; b++) {
                if (!used[b] && (best < 0 || error[b] > error[best])) {
                    best = b;
                }
            }
            if (best < 0) {
                return false;
            }
            used[best] = true;
            double norm = Atoms.norm(y.data, best * m, m);
            if (norm > 0) {
                for (int i = 0; i < m; i++) {
                    atoms.data[row * m + i] = y.data[best * m + i] / norm;
                }
                return true;
            }
        }
    }
}
