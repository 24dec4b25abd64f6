package io.gendict.oracles;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.Registry;

/**
 * Provides the {@code gauss-newton} oracle ({@link GaussNewtonOracle}).
 *
 * @since 0.1
 */
public final class GaussNewtonOracleProvider implements OracleProvider {
    private static final ParamSpec SPEC = ParamSpec.builder()
            .intParam("iterations", 100, 1, 1_000_000, "trial steps per sample")
            .doubleParam("tol", 1e-10, 0, 1, "stop when an accepted step decreases f by at most tol*f")
            .doubleParam("radius", 0.0, 0, Double.NaN, "latent ball radius R; 0 uses the prior's own radius, if any")
            .boolParam("linear-init", true, "start from the least-squares solution when the prior declares linear features")
            .build();

    @Override
    public String name() {
        return "gauss-newton";
    }

    @Override
    public String description() {
        return "Levenberg-Marquardt on the k-dimensional decode problem";
    }

    @Override
    public ParamSpec parameters() {
        return SPEC;
    }

    @Override
    public DecodeOracle create(Params params, Registry registry) {
        return new GaussNewtonOracle(params.getInt("iterations"), params.getDouble("tol"), params.getDouble("radius"),
                params.getBoolean("linear-init"));
    }
}
