package com.example.gendict;

import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

/**
 * G(z) = [z; (z + c)∘(z + c)] ∈ R^{2k}: a hand-written prior of a third party. Immutable.
 */
public final class ShiftedSquarePrior implements GenerativePrior {
    private final int k;
    private final double c;
    private final Params params;

    /**
     * @param params validated {@code k} and {@code c}
     */
    public ShiftedSquarePrior(Params params) {
        this.k = params.getInt("k");
        this.c = params.getDouble("c");
        this.params = params;
    }

    @Override
    public int latentDim() {
        return k;
    }

    @Override
    public int outputDim() {
        return 2 * k;
    }

    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj out) {
        out.reshape(z.numRows, 2 * k);
        for (int b = 0; b < z.numRows; b++) {
            for (int i = 0; i < k; i++) {
                double v = z.data[b * k + i];
                out.data[b * 2 * k + i] = v;
                out.data[b * 2 * k + k + i] = (v + c) * (v + c);
            }
        }
    }

    @Override
    public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
        out.reshape(z.numRows, k);
        for (int b = 0; b < z.numRows; b++) {
            for (int i = 0; i < k; i++) {
                double v = z.data[b * k + i];
                out.data[b * k + i] = dx.data[b * 2 * k + i] + 2 * (v + c) * dx.data[b * 2 * k + k + i];
            }
        }
    }

    @Override
    public Params params() {
        return params;
    }
}
