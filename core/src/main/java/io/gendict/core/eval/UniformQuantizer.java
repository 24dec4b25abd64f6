package io.gendict.core.eval;

import io.gendict.core.error.Checks;
import org.ejml.data.DMatrixRMaj;

/**
 * b-bit uniform scalar quantization per column: each column's values are mapped to the 2^b levels
 * spread evenly over that column's [min, max], so a code costs exactly b bits plus two doubles of
 * range per column. This is the quantizer of the {@code compress} container's {@code --bits} mode.
 *
 * @since 0.1
 */
public final class UniformQuantizer implements Quantizer {
    private final int bits;

    /**
     * @param bits bits per value, 1..32
     */
    public UniformQuantizer(int bits) {
        Checks.parameter(bits >= 1 && bits <= 32, "quantizer: bits is " + bits + ", expected 1..32");
        this.bits = bits;
    }

    /** @return bits per value */
    public int bits() {
        return bits;
    }

    /** @return the largest level index, 2^b − 1 */
    public long maxLevel() {
        return (1L << bits) - 1;
    }

    /**
     * @param v   the value
     * @param min the column's minimum
     * @param max the column's maximum
     * @return the level index in [0, 2^b − 1]
     */
    public long level(double v, double min, double max) {
        if (max <= min) {
            return 0;
        }
        long q = Math.round((v - min) / (max - min) * maxLevel());
        return Math.max(0, Math.min(maxLevel(), q));
    }

    /**
     * @param level the level index
     * @param min   the column's minimum
     * @param max   the column's maximum
     * @return the value the level stands for
     */
    public double value(long level, double min, double max) {
        return max <= min ? min : min + (max - min) * level / maxLevel();
    }

    @Override
    public void quantize(DMatrixRMaj values) {
        int rows = values.numRows;
        int cols = values.numCols;
        for (int c = 0; c < cols; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                double v = values.data[r * cols + c];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            for (int r = 0; r < rows; r++) {
                int at = r * cols + c;
                values.data[at] = value(level(values.data[at], min, max), min, max);
            }
        }
    }

    @Override
    public String describe() {
        return "bits:" + bits;
    }
}
