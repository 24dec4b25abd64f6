package com.example.gendict;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.Registry;

/** Registers {@link BacktrackingDescentOracle} as {@code example/backtracking-descent:iterations=…}. */
public final class BacktrackingDescentOracleProvider implements OracleProvider {
    @Override
    public String name() {
        return "example/backtracking-descent";
    }

    @Override
    public String description() {
        return "example plugin: per-sample gradient descent on ||y - A G(z)||^2 with backtracking";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.builder().intParam("iterations", 50, 1, 100_000, "gradient steps per sample").build();
    }

    @Override
    public DecodeOracle create(Params params, Registry registry) {
        return new BacktrackingDescentOracle(params.getInt("iterations"));
    }
}
