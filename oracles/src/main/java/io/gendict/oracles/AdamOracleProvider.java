package io.gendict.oracles;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.Registry;

/**
 * Provides the {@code adam} oracle ({@link AdamOracle}).
 *
 * @since 0.1
 */
public final class AdamOracleProvider implements OracleProvider {
    private static final ParamSpec SPEC = ParamSpec.builder()
            .doubleParam("lr", 1e-2, 1e-12, Double.NaN, "Adam learning rate")
            .intParam("iterations", 1000, 1, 10_000_000, "Adam steps")
            .doubleParam("radius", 0.0, 0, Double.NaN, "latent ball radius R; 0 uses the prior's own radius, if any")
            .boolParam("linear-features", true, "compute through the prior's linear-features declaration, if any")
            .build();

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public String description() {
        return "Adam on the latents, the paper's decoder (lr 1e-2, 1000 steps)";
    }

    @Override
    public ParamSpec parameters() {
        return SPEC;
    }

    @Override
    public DecodeOracle create(Params params, Registry registry) {
        return new AdamOracle(params.getDouble("lr"), params.getInt("iterations"), params.getDouble("radius"),
                params.getBoolean("linear-features"));
    }
}
