package io.gendict.oracles;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.Registry;

import java.util.List;

/**
 * Provides the {@code screened} oracle ({@link ScreenedOracle}).
 *
 * @since 0.1
 */
public final class ScreenedOracleProvider implements OracleProvider {
    private static final ParamSpec SPEC = ParamSpec.builder()
            .stringParam("inner", "sign-flip", List.of(), "spec of the oracle that refines the screened start")
            .intParam("candidates", 2000, 1, 1_000_000, "latents drawn from p_z and screened per call")
            .intParam("warm", 0, 0, 1_000_000, "draws screened when starts are given (the screen's first ones); "
                    + "0 = candidates")
            .boolParam("reuse", false, "draw the screen from a seed taken from the call's stream and keep the last one, "
                    + "so that calls with equal streams share it")
            .build();

    @Override
    public String name() {
        return "screened";
    }

    @Override
    public String description() {
        return "wraps an oracle; starts each sample from the best of many p_z draws, screened with one product";
    }

    @Override
    public ParamSpec parameters() {
        return SPEC;
    }

    @Override
    public DecodeOracle create(Params params, Registry registry) {
        int candidates = params.getInt("candidates");
        int warm = params.getInt("warm");
        return new ScreenedOracle(registry.oracle(params.getString("inner")), candidates, warm == 0 ? candidates : warm,
                params.getBoolean("reuse"));
    }
}
