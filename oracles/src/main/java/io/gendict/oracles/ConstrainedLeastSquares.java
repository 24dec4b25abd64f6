package io.gendict.oracles;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.Arrays;

/**
 * Minimises ½·wᵀQw − pᵀw (Q q×q symmetric positive semi-definite) either freely or over w ≥ 0, the
 * latter by the Lawson–Hanson active-set method (finite, exact up to rounding). Used to initialise
 * decoding when a prior declares G(z) = M·φ(z) (docs/algorithms.md §1, LinearFeatures). A relative ridge
 * 1e-12·tr(Q)/q keeps singular Q solvable. Reuses its buffers; not thread-safe.
 */
final class ConstrainedLeastSquares {
    private static final double RIDGE = 1e-12;
    private final int q;
    private final boolean[] passive;
    private final int[] index;
    private final double[] s;
    private final double[] grad;
    private final DMatrixRMaj sub;
    private final DMatrixRMaj rhs;
    private final DMatrixRMaj sol;
    private final LinearSolverDense<DMatrixRMaj> chol;

    ConstrainedLeastSquares(int q) {
        this.q = q;
        this.passive = new boolean[q];
        this.index = new int[q];
        this.s = new double[q];
        this.grad = new double[q];
        this.sub = new DMatrixRMaj(q, q);
        this.rhs = new DMatrixRMaj(q, 1);
        this.sol = new DMatrixRMaj(q, 1);
        this.chol = LinearSolverFactory_DDRM.symmPosDef(q);
    }

    /**
     * @param gram        q×q Q. Not modified.
     * @param p           data term, entries pOff..pOff+q. Not modified.
     * @param pOff        offset into p
     * @param nonNegative whether to constrain w ≥ 0
     * @param w           length q, overwritten with the minimiser
     */
    void solve(DMatrixRMaj gram, double[] p, int pOff, boolean nonNegative, double[] w) {
        double ridge = 0;
        for (int i = 0; i < q; i++) {
            ridge += gram.data[i * q + i];
        }
        ridge = Math.max(RIDGE * ridge / q, Double.MIN_NORMAL);
        Arrays.fill(w, 0);
        if (!nonNegative) {
            Arrays.fill(passive, true);
            solvePassive(gram, p, pOff, ridge);
            System.arraycopy(s, 0, w, 0, q);
            return;
        }
        Arrays.fill(passive, false);
        double scale = 0;
        for (int i = 0; i < q; i++) {
            scale = Math.max(scale, Math.abs(p[pOff + i]));
        }
        double tol = 1e-12 * scale;
        for (int outer = 0; outer < 3 * q; outer++) {
            int best = -1;
            double bestGrad = tol;
            for (int i = 0; i < q; i++) {
                double gi = p[pOff + i];
                for (int j = 0; j < q; j++) {
                    gi -= gram.data[i * q + j] * w[j];
                }
                grad[i] = gi;
                if (!passive[i] && gi > bestGrad) {
                    bestGrad = gi;
                    best = i;
                }
            }
            if (best < 0) {
                return;
            }
            passive[best] = true;
            for (int inner = 0; inner <= q; inner++) {
                solvePassive(gram, p, pOff, ridge);
                double alpha = 1;
                boolean feasible = true;
                for (int i = 0; i < q; i++) {
                    if (passive[i] && s[i] <= 0) {
                        feasible = false;
                        alpha = Math.min(alpha, w[i] / Math.max(w[i] - s[i], Double.MIN_VALUE));
                    }
                }
                if (feasible) {
                    System.arraycopy(s, 0, w, 0, q);
                    break;
                }
                for (int i = 0; i < q; i++) {
                    if (passive[i]) {
                        w[i] += alpha * (s[i] - w[i]);
                        if (w[i] <= 0) {
                            w[i] = 0;
                            passive[i] = false;
                        }
                    }
                }
            }
        }
    }

    private void solvePassive(DMatrixRMaj gram, double[] p, int pOff, double ridge) {
        int size = 0;
        for (int i = 0; i < q; i++) {
            if (passive[i]) {
                index[size++] = i;
            }
        }
        Arrays.fill(s, 0);
        if (size == 0) {
            return;
        }
        sub.reshape(size, size);
        rhs.reshape(size, 1);
        sol.reshape(size, 1);
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                sub.data[i * size + j] = gram.data[index[i] * q + index[j]] + (i == j ? ridge : 0);
            }
            rhs.data[i] = p[pOff + index[i]];
        }
        if (!chol.setA(sub)) {
            return;
        }
        chol.solve(rhs, sol);
        for (int i = 0; i < size; i++) {
            s[index[i]] = sol.data[i];
        }
    }
}
