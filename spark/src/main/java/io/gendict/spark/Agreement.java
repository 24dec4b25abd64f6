package io.gendict.spark;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Locale;

/**
 * How closely a result agrees with a reference of the same shape: the relative Frobenius distance
 * ‖a − b‖_F / ‖b‖_F, the largest absolute difference, and whether the two are equal bit for bit.
 *
 * @param relativeDistance ‖a − b‖_F / ‖b‖_F (0 when both are zero)
 * @param maxDifference    max |a − b| over all entries
 * @param bitwiseEqual     every entry has the same bits
 * @since 0.1
 */
public record Agreement(double relativeDistance, double maxDifference, boolean bitwiseEqual) {
    /**
     * @param a    a result. Not modified.
     * @param b    its reference. Not modified.
     * @param what names the pair in messages
     * @return how closely they agree
     * @throws GendictException INVALID_INPUT when the shapes differ
     */
    public static Agreement of(DMatrixRMaj a, DMatrixRMaj b, String what) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new GendictException(ErrorKind.INVALID_INPUT, what + ": " + a.numRows + "×" + a.numCols
                    + " against a " + b.numRows + "×" + b.numCols + " reference");
        }
        double diff = 0;
        double norm = 0;
        double max = 0;
        for (int i = 0, size = a.numRows * a.numCols; i < size; i++) {
            double d = a.data[i] - b.data[i];
            diff += d * d;
            norm += b.data[i] * b.data[i];
            max = Math.max(max, Math.abs(d));
        }
        boolean equal = Arrays.equals(Arrays.copyOf(a.data, a.numRows * a.numCols), Arrays.copyOf(b.data, b.numRows * b.numCols));
        return new Agreement(norm == 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm), max, equal);
    }

    /** @return e.g. "relative distance 1.23e-09, max |Δ| 4.5e-12" or "bitwise equal" */
    public String describe() {
        return bitwiseEqual ? "bitwise equal" : String.format(Locale.ROOT, "relative distance %.3g, max |Δ| %.3g",
                relativeDistance, maxDifference);
    }
}
