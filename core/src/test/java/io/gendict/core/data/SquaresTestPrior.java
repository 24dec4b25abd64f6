package io.gendict.core.data;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.Map;

/** Test fixture: G(z) = [z; z∘z] with k = 2, n = 4. */
public final class SquaresTestPrior implements GenerativePrior {
    /** The shared, stateless instance. */
    public static final GenerativePrior INSTANCE = new SquaresTestPrior();

    private SquaresTestPrior() {
    }

    @Override
    public int latentDim() {
        return 2;
    }

    @Override
    public int outputDim() {
        return 4;
    }

    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj out) {
        for (int b = 0; b < z.numRows; b++) {
            for (int i = 0; i < 2; i++) {
                double v = z.get(b, i);
                out.set(b, i, v);
                out.set(b, 2 + i, v * v);
            }
        }
    }

    @Override
    public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
        for (int b = 0; b < z.numRows; b++) {
            for (int i = 0; i < 2; i++) {
                out.set(b, i, dx.get(b, i) + 2 * z.get(b, i) * dx.get(b, 2 + i));
            }
        }
    }

    @Override
    public Params params() {
        return ParamSpec.empty().validate("squares", Map.of());
    }
}
