package io.gendict.oracles;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.Registry;

/**
 * Provides the {@code gradient-descent} oracle ({@link GradientDescentOracle}).
 *
 * @since 0.1
 */
public final class GradientDescentOracleProvider implements OracleProvider {
    private static final ParamSpec SPEC = ParamSpec.builder()
            .doubleParam("step", 1e-2, 1e-300, Double.NaN, "fixed step, or first trial step of the line search")
            .intParam("iterations", 1000, 1, 10_000_000, "iteration cap per sample")
            .boolParam("line-search", true, "backtrack (Armijo) instead of a fixed step")
            .doubleParam("tol", 1e-12, 0, 1, "stop when an accepted step decreases f by at most tol*f")
            .doubleParam("radius", 0.0, 0, Double.NaN, "latent ball radius R; 0 uses the prior's own radius, if any")
            .boolParam("linear-features", true, "compute through the prior's linear-features declaration, if any")
            .build();

    @Override
    public String name() {
        return "gradient-descent";
    }

    @Override
    public String description() {
        return "gradient descent on the latents, fixed step or Armijo backtracking";
    }

    @Override
    public ParamSpec parameters() {
        return SPEC;
    }

    @Override
    public DecodeOracle create(Params params, Registry registry) {
        return new GradientDescentOracle(params.getDouble("step"), params.getInt("iterations"), params.getBoolean("line-search"),
                params.getDouble("tol"), params.getDouble("radius"), params.getBoolean("linear-features"));
    }
}
