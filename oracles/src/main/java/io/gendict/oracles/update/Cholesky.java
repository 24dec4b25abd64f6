package io.gendict.oracles.update;

import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import org.ejml.data.DMatrixRMaj;

/**
 * Cholesky factor S = L·Lᵀ of a symmetric positive definite n×n matrix and solves with it, row
 * oriented so that every inner loop is a contiguous {@link MatrixKernels#dot} or
 * {@link MatrixKernels#axpy} (SIMD through {@link Kernels#get()}). The factor lives in a reusable
 * n×n buffer (lower triangle; the strict upper triangle is ignored). Not thread-safe.
 */
final class Cholesky {
    private final int n;
    private final double[] l;

    /** @param n the order */
    Cholesky(int n) {
        this.n = n;
        this.l = new double[n * n];
    }

    /**
     * Factors S (Cholesky–Banachiewicz: L_ij = (S_ij − L_i,:j·L_j,:j) / L_jj).
     *
     * @param s n×n symmetric; only its lower triangle is read. Not modified.
     * @return false when S is not (numerically) positive definite
     */
    boolean factor(DMatrixRMaj s) {
        MatrixKernels kern = Kernels.get();
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                double v = s.data[ri + j] - kern.dot(j, l, ri, l, j * n);
                if (i == j) {
                    if (!(v > 0)) {
                        return false;
                    }
                    l[ri + i] = Math.sqrt(v);
                } else {
                    l[ri + j] = v / l[j * n + j];
                }
            }
        }
        return true;
    }

    /**
     * Solves S·w = x in place for each row x of {@code rows} (forward substitution with L, then
     * backward with Lᵀ as axpys over the rows of L).
     *
     * @param rows B×n; row b overwritten with S⁻¹·row b
     */
    void solveRows(DMatrixRMaj rows) {
        MatrixKernels kern = Kernels.get();
        double[] w = rows.data;
        for (int b = 0; b < rows.numRows; b++) {
            int off = b * n;
            for (int i = 0; i < n; i++) {
                w[off + i] = (w[off + i] - kern.dot(i, l, i * n, w, off)) / l[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double wi = w[off + i] / l[i * n + i];
                w[off + i] = wi;
                kern.axpy(i, -wi, l, i * n, w, off);
            }
        }
    }
}
