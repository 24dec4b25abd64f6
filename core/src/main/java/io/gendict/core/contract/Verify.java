package io.gendict.core.contract;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.function.Supplier;

/** The comparisons the checks share; each throws {@link ContractViolation} when it fails. */
final class Verify {
    private Verify() {
    }

    static void that(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new ContractViolation(message.get());
        }
    }

    static ContractViolation fail(String message) {
        return new ContractViolation(message);
    }

    static void shape(String what, DMatrixRMaj m, int rows, int cols, String who) {
        that(m != null && m.numRows == rows && m.numCols == cols, () -> who + ": " + what + " is "
                + (m == null ? "null" : m.numRows + "×" + m.numCols) + ", expected " + rows + "×" + cols);
    }

    static void finite(String what, double[] values, int length, String who) {
        for (int i = 0; i < length; i++) {
            double v = values[i];
            that(Double.isFinite(v), () -> who + ": non-finite " + what + " " + v);
        }
    }

    static void identical(String what, DMatrixRMaj expected, DMatrixRMaj got, String who) {
        that(expected.numRows == got.numRows && expected.numCols == got.numCols
                        && Arrays.equals(values(expected), values(got)),
                () -> who + ": " + what + " differ" + firstDifference(values(expected), values(got)));
    }

    static void close(String what, DMatrixRMaj expected, DMatrixRMaj got, double relative, String who) {
        shape(what, got, expected.numRows, expected.numCols, who);
        double scale = Math.max(norm(values(expected)), Double.MIN_NORMAL);
        double diff = 0;
        for (int i = 0; i < expected.getNumElements(); i++) {
            double d = expected.data[i] - got.data[i];
            diff += d * d;
        }
        double err = Math.sqrt(diff) / scale;
        that(err <= relative, () -> who + ": " + what + " differ by relative error " + err + " > " + relative);
    }

    static double[] values(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static String firstDifference(double[] a, double[] b) {
        if (a.length != b.length) {
            return " in size (" + a.length + " vs " + b.length + " values)";
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
                return " at index " + i + " (" + a[i] + " vs " + b[i] + ")";
            }
        }
        return "";
    }
}
