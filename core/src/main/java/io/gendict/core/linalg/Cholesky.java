package io.gendict.core.linalg;

import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.kernel.Workers;
import org.ejml.data.DMatrixRMaj;

/**
 * Cholesky factor S = L·Lᵀ of a symmetric positive definite n×n matrix and solves with it, blocked so
 * that almost all of the work is general matrix products on the SIMD kernels: the factor is
 * left-looking over {@value #BLOCK}-column panels, with its panel products split across threads; the
 * solves take the right-hand sides as the columns of n×B matrices, a band of columns per thread, each
 * solved a panel of rows at a time. Only the work inside a panel runs outside the products, as axpys:
 * along the panel's rows in the factor, along the band in the solves. Every entry is computed the
 * same way whatever the thread count, so results do not depend on it. The factor lives in a reusable
 * n×n buffer (lower triangle; the strict upper triangle is ignored); the scratch buffers are reused
 * too. Not thread-safe.
 *
 * @since 0.1
 */
public final class Cholesky {
    /** Rows of a panel: the order of the diagonal blocks that run outside the matrix products. */
    public static final int BLOCK = 32;
    /** Fewest right-hand sides worth a thread of their own. */
    private static final int MIN_BAND = 16;

    private final int n;
    private final double[] l;
    private final MatrixKernels kern;
    private final Workers workers;
    /** Scratch of the factor, and of the solve of each band. */
    private final Scratch scratch = new Scratch();
    private Scratch[] bands = new Scratch[0];

    /**
     * @param n       the order
     * @param threads threads of the factor's products and of the solves, ≥ 1
     */
    public Cholesky(int n, int threads) {
        this.n = n;
        this.l = new double[n * n];
        this.kern = Kernels.parallel(threads);
        this.workers = new Workers(threads);
    }

    /**
     * Factors S, left-looking: panel J = [j0, j1) gets P = S[j0:n, J] − L[j0:n, 0:j0]·L[J, 0:j0]ᵀ as one
     * product, then is factored in place on Pᵀ (nb×(n − j0), so that its updates are axpys along the
     * rows): column j of L is P's column j over √P_jj, and each later column of the panel loses its
     * multiple of it.
     *
     * @param s n×n symmetric; only its lower triangle is read. Not modified.
     * @return false when S is not (numerically) positive definite
     */
    public boolean factor(DMatrixRMaj s) {
        DMatrixRMaj part = scratch.part;
        DMatrixRMaj panel = scratch.columns;
        for (int j0 = 0; j0 < n; j0 += BLOCK) {
            int nb = Math.min(n, j0 + BLOCK) - j0;
            int len = n - j0;
            part.reshape(len, nb);
            if (j0 > 0) {
                copyBlock(j0, n, j0, scratch.below);
                scratch.view(scratch.below.data, nb, j0);
                kern.gemm(false, true, 1, scratch.below, scratch.prefix, 0, part);
            } else {
                part.zero();
            }
            panel.reshape(nb, len);
            double[] p = panel.data;
            for (int jj = 0; jj < nb; jj++) {
                for (int ii = jj; ii < len; ii++) {
                    p[jj * len + ii] = s.data[(j0 + ii) * n + j0 + jj] - part.data[ii * nb + jj];
                }
            }
            for (int jj = 0; jj < nb; jj++) {
                int row = jj * len;
                double v = p[row + jj];
                if (!(v > 0)) {
                    return false;
                }
                double d = Math.sqrt(v);
                p[row + jj] = d;
                divide(p, row + jj + 1, len - jj - 1, d);
                for (int j2 = jj + 1; j2 < nb; j2++) {
                    kern.axpy(len - j2, -p[row + j2], p, row + j2, p, j2 * len + j2);
                }
            }
            for (int jj = 0; jj < nb; jj++) {
                for (int ii = jj; ii < len; ii++) {
                    l[(j0 + ii) * n + j0 + jj] = p[jj * len + ii];
                }
            }
        }
        return true;
    }

    /**
     * Solves S·w = x in place for each row x of {@code rows}, the rows split into bands of at least
     * {@value #MIN_BAND}, one per thread.
     *
     * @param rows B×n; row b overwritten with S⁻¹·row b
     */
    public void solveRows(DMatrixRMaj rows) {
        int count = Math.max(1, Math.min(workers.threads(), rows.numRows / MIN_BAND));
        if (bands.length < count) {
            bands = new Scratch[count];
            for (int i = 0; i < count; i++) {
                bands[i] = new Scratch();
            }
        }
        workers.run(count, band -> solveBand(rows, rows.numRows * band / count, rows.numRows * (band + 1) / count,
                bands[band]), "least-squares solve");
    }

    /**
     * Solves rows [from, to) on their transpose X (n×b): forward substitution L·Y = X (left-looking:
     * panel J gets Y[J] = X[J] − L[J, 0:j0]·Y[0:j0] as one product, then its diagonal block) and
     * backward substitution Lᵀ·W = Y (right-looking: after the diagonal block of panel J,
     * Y[0:j0] −= L[J, 0:j0]ᵀ·W[J] as one product).
     */
    private void solveBand(DMatrixRMaj rows, int from, int to, Scratch w) {
        MatrixKernels single = Kernels.get();
        int b = to - from;
        DMatrixRMaj columns = w.columns;
        columns.reshape(n, b);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < b; c++) {
                columns.data[i * b + c] = rows.data[(from + c) * n + i];
            }
        }
        double[] y = columns.data;
        for (int j0 = 0; j0 < n; j0 += BLOCK) {
            int j1 = Math.min(n, j0 + BLOCK);
            if (j0 > 0) {
                copyBlock(j0, j1, j0, w.below);
                w.view(y, j0, b);
                w.part.reshape(j1 - j0, b);
                single.gemm(false, false, 1, w.below, w.prefix, 0, w.part);
                single.axpy((j1 - j0) * b, -1, w.part.data, 0, y, j0 * b);
            }
            for (int i = j0; i < j1; i++) {
                for (int p = j0; p < i; p++) {
                    single.axpy(b, -l[i * n + p], y, p * b, y, i * b);
                }
                divide(y, i * b, b, l[i * n + i]);
            }
        }
        for (int j0 = (n - 1) / BLOCK * BLOCK; j0 >= 0; j0 -= BLOCK) {
            int j1 = Math.min(n, j0 + BLOCK);
            for (int i = j1 - 1; i >= j0; i--) {
                divide(y, i * b, b, l[i * n + i]);
                for (int p = j0; p < i; p++) {
                    single.axpy(b, -l[i * n + p], y, i * b, y, p * b);
                }
            }
            if (j0 > 0) {
                copyBlock(j0, j1, j0, w.below);
                w.part.reshape(j1 - j0, b);
                System.arraycopy(y, j0 * b, w.part.data, 0, (j1 - j0) * b);
                w.view(y, j0, b);
                single.gemm(true, false, -1, w.below, w.part, 1, w.prefix);
            }
        }
        for (int c = 0; c < b; c++) {
            for (int i = 0; i < n; i++) {
                rows.data[(from + c) * n + i] = columns.data[i * b + c];
            }
        }
    }

    /** dst = L[from:to, 0:cols] (contiguous, (to − from)×cols). */
    private void copyBlock(int from, int to, int cols, DMatrixRMaj dst) {
        dst.reshape(to - from, cols);
        for (int i = from; i < to; i++) {
            System.arraycopy(l, i * n, dst.data, (i - from) * cols, cols);
        }
    }

    private static void divide(double[] x, int off, int len, double d) {
        for (int i = off; i < off + len; i++) {
            x[i] /= d;
        }
    }

    /** Scratch of one thread: a block of L, a panel product, a transposed panel or band, a view. */
    private static final class Scratch {
        /** A block L[from:to, 0:j0], contiguous. */
        private final DMatrixRMaj below = new DMatrixRMaj(1, 1);
        /** The first rows of another matrix's storage (a view; its data is set before each use). */
        private final DMatrixRMaj prefix = new DMatrixRMaj(1, 1);
        /** A panel's product before it is subtracted. */
        private final DMatrixRMaj part = new DMatrixRMaj(1, 1);
        /** The factor's transposed panel, or the right-hand sides of a band as columns (n×b). */
        private final DMatrixRMaj columns = new DMatrixRMaj(1, 1);

        /** Points {@link #prefix} at the first rows×cols entries of data. */
        void view(double[] data, int rows, int cols) {
            prefix.data = data;
            prefix.numRows = rows;
            prefix.numCols = cols;
        }
    }
}
