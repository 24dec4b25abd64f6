package io.gendict.baselines.omp;

import io.gendict.core.spi.Codes;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.Arrays;

/**
 * Plain orthogonal matching pursuit (docs/algorithms.md §7.1), one signal at a time: residuals are
 * formed explicitly and each least-squares step is a QR solve on the chosen atoms. It is the
 * readable reference that {@link BatchOmp} is tested against; use {@link BatchOmp} for speed.
 * Selection uses |d_jᵀr|/‖d_j‖; stopping is the same as {@link BatchOmp}'s except for the
 * dependency test, which the correlation threshold 1e-12 makes redundant in exact arithmetic.
 *
 * @since 0.1
 */
public final class Omp {
    private static final double EPS = 1e-12;

    private Omp() {
    }

    /**
     * Codes each row of y.
     *
     * @param d   m×n dictionary, atoms as columns. Not modified.
     * @param y   B×m signals. Not modified.
     * @param k   maximum non-zeros, 1..n
     * @param tol residual-norm target ε ≥ 0 (0 for none)
     * @return codes with values B×k and atom indices (-1 for unused slots), in selection order
     */
    public static Codes encode(DMatrixRMaj d, DMatrixRMaj y, int k, double tol) {
        OmpChecks.check(d, y, k, tol);
        int m = d.numRows;
        int n = d.numCols;
        double[] norms = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += d.get(i, j) * d.get(i, j);
            }
            norms[j] = Math.sqrt(s);
        }
        DMatrixRMaj values = new DMatrixRMaj(y.numRows, k);
        int[] indices = new int[y.numRows * k];
        Arrays.fill(indices, -1);
        for (int b = 0; b < y.numRows; b++) {
            DMatrixRMaj yb = CommonOps_DDRM.extractRow(y, b, null);
            yb.reshape(m, 1);
            codeOne(d, norms, yb, k, tol * tol, values, indices, b);
        }
        return new Codes(values, indices);
    }

    private static void codeOne(DMatrixRMaj d, double[] norms, DMatrixRMaj y, int k, double tol2,
                                DMatrixRMaj values, int[] indices, int b) {
        int m = d.numRows;
        int n = d.numCols;
        DMatrixRMaj r = y.copy();
        DMatrixRMaj corr = new DMatrixRMaj(n, 1);
        boolean[] chosen = new boolean[n];
        int[] support = new int[k];
        DMatrixRMaj gamma = new DMatrixRMaj(0, 1);
        int s = 0;
        while (s < k && !(tol2 > 0 && CommonOps_DDRM.dot(r, r) <= tol2)) {
            CommonOps_DDRM.multTransA(d, r, corr);
            int best = -1;
            double bestVal = EPS;
            for (int j = 0; j < n; j++) {
                double v = norms[j] > 0 ? Math.abs(corr.data[j]) / norms[j] : 0;
                if (!chosen[j] && v > bestVal) {
                    bestVal = v;
                    best = j;
                }
            }
            if (best < 0) {
                break;
            }
            chosen[best] = true;
            support[s++] = best;
            DMatrixRMaj di = new DMatrixRMaj(m, s);
            for (int i = 0; i < s; i++) {
                for (int row = 0; row < m; row++) {
                    di.set(row, i, d.get(row, support[i]));
                }
            }
            LinearSolverDense<DMatrixRMaj> ls = LinearSolverFactory_DDRM.leastSquares(m, s);
            if (!ls.setA(di)) {
                s--;
                break;
            }
            gamma = new DMatrixRMaj(s, 1);
            ls.solve(y, gamma);
            CommonOps_DDRM.mult(di, gamma, r);
            CommonOps_DDRM.subtract(y, r, r);
        }
        for (int i = 0; i < s; i++) {
            indices[b * k + i] = support[i];
            values.set(b, i, gamma.data[i]);
        }
    }
}
