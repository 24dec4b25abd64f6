package io.gendict.core.contract;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.Map;

/**
 * The smooth prior of the contract suites' planted problems: G(z) = [z; tanh(z + c)] ∈ R^{2k},
 * z ~ N(0, I_k). Injective, with a Jacobian of full column rank everywhere, so a decode has one
 * answer. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class PlantedPrior implements GenerativePrior {
    private static final ParamSpec SPEC = ParamSpec.builder()
            .intParam("k", 3, 1, 10_000, "latent dimension; n = 2k")
            .doubleParam("c", 0.3, -100, 100, "shift inside tanh")
            .build();

    private final int k;
    private final double c;
    private final Params params;

    /**
     * @param k latent dimension ≥ 1
     * @param c shift inside tanh
     */
    public PlantedPrior(int k, double c) {
        this.params = SPEC.validate("planted", Map.of("k", k, "c", c));
        this.k = k;
        this.c = c;
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
                out.data[b * 2 * k + k + i] = Math.tanh(v + c);
            }
        }
    }

    @Override
    public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
        out.reshape(z.numRows, k);
        for (int b = 0; b < z.numRows; b++) {
            for (int i = 0; i < k; i++) {
                double t = Math.tanh(z.data[b * k + i] + c);
                out.data[b * k + i] = dx.data[b * 2 * k + i] + (1 - t * t) * dx.data[b * 2 * k + k + i];
            }
        }
    }

    @Override
    public Params params() {
        return params;
    }
}
