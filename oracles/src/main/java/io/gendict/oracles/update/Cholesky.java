package io.gendict.oracles.update;

import io.gendict.core.kernel.MatrixKernels;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Cholesky factor S = L·Lᵀ of a symmetric positive definite n×n matrix and solves with it, blocked so
 * that almost all of the work is general matrix products on the given kernels (SIMD, and split across
 * threads when they are parallel): the factor is left-looking over {@value #BLOCK}-column panels, the
 * solves process the right-hand sides as the columns of one n×B matrix, a panel of rows at a time.
 * Only the work inside a panel runs outside the products: short dots in the factor, axpys of length B
 * in the solves. Results do not depend on the
 * kernels' thread count. The factor lives in a reusable n×n buffer (lower triangle; the strict upper
 * triangle is ignored); the scratch buffers are reused too. Not thread-safe.
 */
final class Cholesky {
    /** Rows of a panel: the order of the diagonal blocks that run outside the matrix products. */
    static final int BLOCK = 32;

    private final int n;
    private final double[] l;
    private final MatrixKernels kern;
    /** L[j0:n, 0:j0] of the current panel, contiguous. */
    private final DMatrixRMaj below = new DMatrixRMaj(1, 1);
    /** The first rows of another matrix's storage (a view; its data is set before each use). */
    private final DMatrixRMaj prefix = new DMatrixRMaj(1, 1);
    /** A panel's product before it is subtracted. */
    private final DMatrixRMaj part = new DMatrixRMaj(1, 1);
    /** The right-hand sides as columns: n×B. */
    private final DMatrixRMaj columns = new DMatrixRMaj(1, 1);

    /**
     * @param n    the order
     * @param kern the kernels of the panel products
     */
    Cholesky(int n, MatrixKernels kern) {
        this.n = n;
        this.l = new double[n * n];
        this.kern = kern;
    }

    /**
     * Factors S (per panel J = [j0, j1): T = L[j0:n, 0:j0]·L[J, 0:j0]ᵀ as one product, then
     * L_ij = (S_ij − T_ij − L_i,j0:j·L_j,j0:j) / L_jj for i ≥ j0, j ∈ J, j ≤ i).
     *
     * @param s n×n symmetric; only its lower triangle is read. Not modified.
     * @return false when S is not (numerically) positive definite
     */
    boolean factor(DMatrixRMaj s) {
        for (int j0 = 0; j0 < n; j0 += BLOCK) {
            int j1 = Math.min(n, j0 + BLOCK);
            int nb = j1 - j0;
            part.reshape(n - j0, nb);
            if (j0 > 0) {
                copyBlock(j0, n, j0, below);
                view(below.data, nb, j0);
                kern.gemm(false, true, 1, below, prefix, 0, part);
            } else {
                part.zero();
            }
            for (int i = j0; i < n; i++) {
                int ri = i * n;
                int ti = (i - j0) * nb - j0;
                for (int j = j0; j < Math.min(i + 1, j1); j++) {
                    double v = s.data[ri + j] - part.data[ti + j] - panelDot(ri + j0, j * n + j0, j - j0);
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
        }
        return true;
    }

    /**
     * Solves S·w = x in place for each row x of {@code rows}: on the rows' transpose X (n×B), forward
     * substitution L·Y = X (left-looking: panel J gets Y[J] = X[J] − L[J, 0:j0]·Y[0:j0] as one product,
     * then its diagonal block) and backward substitution Lᵀ·W = Y (right-looking: after the diagonal
     * block of panel J, Y[0:j0] −= L[J, 0:j0]ᵀ·W[J] as one product).
     *
     * @param rows B×n; row b overwritten with S⁻¹·row b
     */
    void solveRows(DMatrixRMaj rows) {
        int b = rows.numRows;
        columns.reshape(n, b);
        CommonOps_DDRM.transpose(rows, columns);
        double[] y = columns.data;
        for (int j0 = 0; j0 < n; j0 += BLOCK) {
            int j1 = Math.min(n, j0 + BLOCK);
            if (j0 > 0) {
                copyBlock(j0, j1, j0, below);
                view(y, j0, b);
                part.reshape(j1 - j0, b);
                kern.gemm(false, false, 1, below, prefix, 0, part);
                kern.axpy((j1 - j0) * b, -1, part.data, 0, y, j0 * b);
            }
            for (int i = j0; i < j1; i++) {
                for (int p = j0; p < i; p++) {
                    kern.axpy(b, -l[i * n + p], y, p * b, y, i * b);
                }
                divide(y, i * b, b, l[i * n + i]);
            }
        }
        for (int j0 = (n - 1) / BLOCK * BLOCK; j0 >= 0; j0 -= BLOCK) {
            int j1 = Math.min(n, j0 + BLOCK);
            for (int i = j1 - 1; i >= j0; i--) {
                divide(y, i * b, b, l[i * n + i]);
                for (int p = j0; p < i; p++) {
                    kern.axpy(b, -l[i * n + p], y, i * b, y, p * b);
                }
            }
            if (j0 > 0) {
                copyBlock(j0, j1, j0, below);
                part.reshape(j1 - j0, b);
                System.arraycopy(y, j0 * b, part.data, 0, (j1 - j0) * b);
                view(y, j0, b);
                kern.gemm(true, false, -1, below, part, 1, prefix);
            }
        }
        CommonOps_DDRM.transpose(columns, rows);
    }

    /** Σ_{p<len} l[x+p]·l[y+p] for the short (below {@value #BLOCK}) dots inside a panel, where a call to the kernels costs more than the loop. */
    private double panelDot(int x, int y, int len) {
        double sum = 0;
        for (int p = 0; p < len; p++) {
            sum += l[x + p] * l[y + p];
        }
        return sum;
    }

    /** dst = L[from:to, 0:cols] (contiguous, (to − from)×cols). */
    private void copyBlock(int from, int to, int cols, DMatrixRMaj dst) {
        dst.reshape(to - from, cols);
        for (int i = from; i < to; i++) {
            System.arraycopy(l, i * n, dst.data, (i - from) * cols, cols);
        }
    }

    /** Points {@link #prefix} at the first rows×cols entries of data. */
    private void view(double[] data, int rows, int cols) {
        prefix.data = data;
        prefix.numRows = rows;
        prefix.numCols = cols;
    }

    private static void divide(double[] x, int off, int len, double d) {
        for (int i = off; i < off + len; i++) {
            x[i] /= d;
        }
    }
}
