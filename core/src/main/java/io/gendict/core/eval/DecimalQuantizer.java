package io.gendict.core.eval;

import io.gendict.core.error.Checks;
import org.ejml.data.DMatrixRMaj;

/**
 * Rounds to D decimal places, half away from zero: round(v·10^D)/10^D (docs/algorithms.md §3, the
 * paper's "4-digit precision" with D = 4).
 *
 * @since 0.1
 */
public final class DecimalQuantizer implements Quantizer {
    private final int digits;
    private final double scale;

    /**
     * @param digits decimal places, 0..15
     */
    public DecimalQuantizer(int digits) {
        Checks.parameter(digits >= 0 && digits <= 15, "quantizer: digits is " + digits + ", expected 0..15");
        this.digits = digits;
        this.scale = Math.pow(10, digits);
    }

    /** @return decimal places kept */
    public int digits() {
        return digits;
    }

    /**
     * @param v a value
     * @return the integer round(v·10^D), half away from zero; {@code integer / 10^D} is the quantized value
     */
    public long integer(double v) {
        return (long) Math.copySign(Math.floor(Math.abs(v) * scale + 0.5), v);
    }

    /**
     * @param integer a value from {@link #integer}
     * @return the quantized value it stands for
     */
    public double value(long integer) {
        return integer / scale;
    }

    @Override
    public void quantize(DMatrixRMaj values) {
        double[] d = values.data;
        int size = values.getNumElements();
        for (int i = 0; i < size; i++) {
            d[i] = round(d[i], scale);
        }
    }

    static double round(double v, double scale) {
        return Math.copySign(Math.floor(Math.abs(v) * scale + 0.5), v) / scale;
    }

    @Override
    public String describe() {
        return "digits:" + digits;
    }
}
