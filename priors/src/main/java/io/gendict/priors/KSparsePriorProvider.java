package io.gendict.priors;

import io.gendict.core.error.Checks;
import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;

/**
 * Provides {@code k-sparse}: the ReLU construction of docs/algorithms.md §6 whose outputs are k-sparse
 * vectors of R^n with entries bounded by V ({@link KSparsePrior}). G has no random part, so it
 * takes no seed; latent draws take the caller's random source.
 *
 * @since 0.1
 */
public final class KSparsePriorProvider implements PriorProvider {
    private static final String NAME = "k-sparse";
    private static final ParamSpec PARAMS = ParamSpec.builder()
            .intParam("n", 300, 1, 1_000_000, "output dimension n")
            .intParam("k", 10, 1, 1_000_000, "sparsity: non-zeros per output, at most n (latent dimension 2k)")
            .doubleParam("bound", 10.0, 0, Double.NaN, "value bound V > 0; latent values are clipped to [-V, V]")
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "k-sparse outputs from a 3-layer ReLU net of 2k latents: classical dictionary learning as a special case";
    }

    @Override
    public ParamSpec parameters() {
        return PARAMS;
    }

    @Override
    public GenerativePrior create(Params params) {
        Checks.parameter(params.getInt("k") <= params.getInt("n"), NAME + ": parameter 'k' is " + params.getInt("k")
                + ", expected at most n = " + params.getInt("n"));
        Checks.parameter(params.getDouble("bound") > 0, NAME + ": parameter 'bound' is " + params.getDouble("bound")
                + ", expected > 0");
        return new KSparsePrior(params);
    }
}
