package io.gendict.core.error;

import org.ejml.data.DMatrixRMaj;

/**
 * Shared argument checks so that messages stay uniform: each names the thing checked, the value
 * found and what was expected.
 *
 * @since 0.1
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Checks a matrix shape.
     *
     * @param what   name used in the message, e.g. {@code "Y"}
     * @param m      the matrix. Not modified.
     * @param rows   expected rows, or -1 for any
     * @param cols   expected columns, or -1 for any
     * @throws GendictException INVALID_INPUT when the shape differs
     */
    public static void shape(String what, DMatrixRMaj m, int rows, int cols) {
        if ((rows >= 0 && m.numRows != rows) || (cols >= 0 && m.numCols != cols)) {
            throw new GendictException(ErrorKind.INVALID_INPUT, what + ": expected "
                    + dim(rows, "B") + "×" + dim(cols, "?") + ", got " + m.numRows + "×" + m.numCols);
        }
    }

    /**
     * Checks that every entry of a matrix is finite.
     *
     * @param what name used in the message
     * @param m    the matrix. Not modified.
     * @throws GendictException INVALID_INPUT naming the first non-finite entry
     */
    public static void finite(String what, DMatrixRMaj m) {
        double[] d = m.data;
        int size = m.numRows * m.numCols;
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(d[i])) {
                throw new GendictException(ErrorKind.INVALID_INPUT, what + ": non-finite value " + d[i]
                        + " at row " + (i / m.numCols) + ", column " + (i % m.numCols));
            }
        }
    }

    /**
     * Checks a condition on a parameter.
     *
     * @param ok      the condition
     * @param message the one-line message when it fails
     * @throws GendictException INVALID_PARAMETER when {@code ok} is false
     */
    public static void parameter(boolean ok, String message) {
        if (!ok) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, message);
        }
    }

    private static String dim(int d, String any) {
        return d >= 0 ? Integer.toString(d) : any;
    }
}
