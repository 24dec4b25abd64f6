package io.gendict.core.linalg;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import org.ejml.data.DMatrixRMaj;

/**
 * Checked matrix products: validate shapes and aliasing, allocate or reshape the output, then run
 * {@link Kernels#get()}. Errors are {@link GendictException}s ({@link ErrorKind#INVALID_INPUT}) whose
 * message names the operation and the shapes.
 *
 * @since 0.1
 */
public final class Linalg {
    private Linalg() {
    }

    /**
     * out = a·b.
     *
     * @param a   M×K. Not modified.
     * @param b   K×N. Not modified.
     * @param out M×N, or null to allocate; reshaped if needed; must not alias a or b. Modified.
     * @return out
     */
    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        return product(false, false, a, b, out);
    }

    /**
     * out = aᵀ·b.
     *
     * @param a   K×M. Not modified.
     * @param b   K×N. Not modified.
     * @param out M×N, or null to allocate; reshaped if needed; must not alias a or b. Modified.
     * @return out
     */
    public static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        return product(true, false, a, b, out);
    }

    /**
     * out = a·bᵀ.
     *
     * @param a   M×K. Not modified.
     * @param b   N×K. Not modified.
     * @param out M×N, or null to allocate; reshaped if needed; must not alias a or b. Modified.
     * @return out
     */
    public static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        return product(false, true, a, b, out);
    }

    /**
     * out = aᵀ·bᵀ.
     *
     * @param a   K×M. Not modified.
     * @param b   N×K. Not modified.
     * @param out M×N, or null to allocate; reshaped if needed; must not alias a or b. Modified.
     * @return out
     */
    public static DMatrixRMaj multTransAB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        return product(true, true, a, b, out);
    }

    /**
     * c = α·op(a)·op(b) + β·c, op(X) = X or Xᵀ; c is not read when β = 0.
     *
     * @param transA whether op(a) = aᵀ
     * @param transB whether op(b) = bᵀ
     * @param alpha  scale of the product
     * @param a      op(a) is M×K. Not modified.
     * @param b      op(b) is K×N. Not modified.
     * @param beta   scale of the old c
     * @param c      M×N; must not alias a or b. Modified.
     */
    public static void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b,
                            double beta, DMatrixRMaj c) {
        checkInner(transA, transB, a, b);
        Checks.shape("C of gemm", c, rows(transA, a), cols(transB, b));
        checkNoAlias(c, a, b);
        Kernels.get().gemm(transA, transB, alpha, a, b, beta, c);
    }

    /**
     * y = α·op(a)·x + β·y; y is not read when β = 0.
     *
     * @param transA whether op(a) = aᵀ
     * @param alpha  scale of the product
     * @param a      op(a) is M×K. Not modified.
     * @param x      length ≥ K; the first K entries are used. Not modified.
     * @param beta   scale of the old y
     * @param y      length ≥ M; the first M entries are written; must not be x. Modified.
     */
    public static void gemv(boolean transA, double alpha, DMatrixRMaj a, double[] x, double beta, double[] y) {
        int m = transA ? a.numCols : a.numRows;
        int k = transA ? a.numRows : a.numCols;
        if (x.length < k || y.length < m) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "gemv: op(A) is " + m + "×" + k
                    + ", expected x of length ≥ " + k + " and y of length ≥ " + m + ", got " + x.length
                    + " and " + y.length);
        }
        if (x == y || y == a.data) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "gemv: y must not alias x or A");
        }
        Kernels.get().gemv(transA, alpha, a, x, beta, y);
    }

    private static DMatrixRMaj product(boolean transA, boolean transB, DMatrixRMaj a, DMatrixRMaj b,
                                       DMatrixRMaj out) {
        checkInner(transA, transB, a, b);
        int m = rows(transA, a);
        int n = cols(transB, b);
        DMatrixRMaj c = out == null ? new DMatrixRMaj(m, n) : out;
        checkNoAlias(c, a, b);
        c.reshape(m, n);
        Kernels.get().gemm(transA, transB, 1.0, a, b, 0.0, c);
        return c;
    }

    private static void checkInner(boolean transA, boolean transB, DMatrixRMaj a, DMatrixRMaj b) {
        int ka = transA ? a.numRows : a.numCols;
        int kb = transB ? b.numCols : b.numRows;
        if (ka != kb) {
            throw new GendictException(ErrorKind.INVALID_INPUT, describe(transA, transB)
                    + ": inner dimensions differ, op(A) is " + rows(transA, a) + "×" + ka
                    + ", op(B) is " + kb + "×" + cols(transB, b));
        }
    }

    private static void checkNoAlias(DMatrixRMaj c, DMatrixRMaj a, DMatrixRMaj b) {
        if (c == a || c == b || c.data == a.data || c.data == b.data) {
            throw new GendictException(ErrorKind.INVALID_INPUT,
                    "output " + c.numRows + "×" + c.numCols + " must not alias an input");
        }
    }

    private static String describe(boolean transA, boolean transB) {
        return (transA ? "Aᵀ" : "A") + "·" + (transB ? "Bᵀ" : "B");
    }

    private static int rows(boolean transA, DMatrixRMaj a) {
        return transA ? a.numCols : a.numRows;
    }

    private static int cols(boolean transB, DMatrixRMaj b) {
        return transB ? b.numRows : b.numCols;
    }
}
