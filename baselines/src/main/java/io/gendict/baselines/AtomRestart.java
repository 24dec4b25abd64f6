package io.gendict.baselines;

import io.gendict.core.kernel.Kernels;
import org.ejml.data.DMatrixRMaj;

/**
 * An escape from local minima (our addition, off by default): after an update, the atom whose
 * users have the largest mean relative residual ‖r_b‖²/‖y_b‖² is restarted from the
 * worst-represented signal, when that mean exceeds {@code ratio} times the batch's mean relative
 * residual. At most one atom per update, so a converged dictionary is left alone. In the noiseless
 * planted-dictionary test, atoms stuck on a mixture of true atoms are exactly those whose users
 * stay badly represented.
 */
final class AtomRestart {
    /** Parameter help shared by the providers. */
    static final String HELP = "restart the atom whose signals are worst represented when their mean relative "
            + "residual exceeds this multiple of the batch mean (0 = off)";

    private final double ratio;

    /** @param ratio trigger multiple of the batch mean relative residual; 0 disables restarts */
    AtomRestart(double ratio) {
        this.ratio = ratio;
    }

    /** @return whether restarts are on */
    boolean enabled() {
        return ratio > 0;
    }

    /**
     * @param y     B×m batch. Not modified.
     * @param err   ‖r_b‖² per signal after the update. Not modified.
     * @param c     B×n codes of the batch (their non-zeros define each atom's users). Not modified.
     * @param dt    n×m atoms as rows. Modified.
     * @param worst source of the replacement. Modified.
     * @return the restarted atom, or -1
     */
    int apply(DMatrixRMaj y, double[] err, DMatrixRMaj c, DMatrixRMaj dt, WorstSignals worst) {
        if (ratio <= 0) {
            return -1;
        }
        int rows = y.numRows;
        int m = y.numCols;
        int n = dt.numRows;
        double[] sum = new double[n];
        int[] count = new int[n];
        double total = 0;
        for (int b = 0; b < rows; b++) {
            double yy = Kernels.get().dot(m, y.data, b * m, y.data, b * m);
            double rel = yy > 0 ? err[b] / yy : 0;
            total += rel;
            for (int j = 0; j < n; j++) {
                if (c.data[b * n + j] != 0) {
                    sum[j] += rel;
                    count[j]++;
                }
            }
        }
        int worstAtom = -1;
        double worstMean = ratio * total / rows;
        for (int j = 0; j < n; j++) {
            if (count[j] > 0 && sum[j] / count[j] > worstMean) {
                worstMean = sum[j] / count[j];
                worstAtom = j;
            }
        }
        return worstAtom >= 0 && worst.replace(dt, worstAtom) ? worstAtom : -1;
    }
}
