package io.gendict.testkit;

import io.gendict.core.contract.PlantedPrior;
import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;
import org.ejml.data.DMatrixRMaj;

/** The planted prior as a provider ({@code planted:k=…,c=…}), or with a VJP that forgets tanh's derivative. */
final class ToyPriorProvider implements PriorProvider {
    private final boolean wrongVjp;

    ToyPriorProvider(boolean wrongVjp) {
        this.wrongVjp = wrongVjp;
    }

    @Override
    public String name() {
        return "planted";
    }

    @Override
    public String description() {
        return "G(z) = [z; tanh(z + c)]";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.builder().intParam("k", 3, 1, 100, "latent dimension")
                .doubleParam("c", 0.3, -100, 100, "shift").build();
    }

    @Override
    public GenerativePrior create(Params params) {
        PlantedPrior prior = new PlantedPrior(params.getInt("k"), params.getDouble("c"));
        return wrongVjp ? new WrongVjp(prior) : prior;
    }

    /** Forward as the planted prior; VJP as if tanh' were 1. */
    private record WrongVjp(PlantedPrior inner) implements GenerativePrior {
        @Override
        public int latentDim() {
            return inner.latentDim();
        }

        @Override
        public int outputDim() {
            return inner.outputDim();
        }

        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj out) {
            inner.forward(z, out);
        }

        @Override
        public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
            int k = latentDim();
            out.reshape(z.numRows, k);
            for (int b = 0; b < z.numRows; b++) {
                for (int i = 0; i < k; i++) {
                    out.data[b * k + i] = dx.data[b * 2 * k + i] + dx.data[b * 2 * k + k + i];
                }
            }
        }

        @Override
        public Params params() {
            return inner.params();
        }
    }
}
