package io.gendict.core.eval;

import io.gendict.core.error.Checks;
import org.ejml.data.DMatrixRMaj;

/**
 * Rounds to S significant decimal digits, half away from zero; zeros and non-finite values are
 * left as they are.
 *
 * @since 0.1
 */
public final class SignificantQuantizer implements Quantizer {
    private final int significant;

    /**
     * @param significant significant digits, 1..17
     */
    public SignificantQuantizer(int significant) {
        Checks.parameter(significant >= 1 && significant <= 17,
                "quantizer: significant digits is " + significant + ", expected 1..17");
        this.significant = significant;
    }

    @Override
    public void quantize(DMatrixRMaj values) {
        double[] d = values.data;
        int size = values.getNumElements();
        for (int i = 0; i < size; i++) {
            double v = d[i];
            if (v != 0 && Double.isFinite(v)) {
                int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
                d[i] = DecimalQuantizer.round(v, Math.pow(10, significant - 1 - exponent));
            }
        }
    }

    @Override
    public String describe() {
        return "significant:" + significant;
    }
}
