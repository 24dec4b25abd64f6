package io.gendict.oracles;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.Registry;

import java.util.List;

/**
 * Provides the {@code multi-start} oracle ({@link MultiStartOracle}).
 *
 * @since 0.1
 */
public final class MultiStartOracleProvider implements OracleProvider {
    private static final ParamSpec SPEC = ParamSpec.builder()
            .stringParam("inner", "gauss-newton", List.of(), "spec of the wrapped oracle")
            .intParam("starts", 5, 1, 10_000, "starts per sample, the first being the given one")
            .build();

    @Override
    public String name() {
        return "multi-start";
    }

    @Override
    public String description() {
        return "wraps an oracle; best of several starts per sample";
    }

    @Override
    public ParamSpec parameters() {
        return SPEC;
    }

    @Override
    public DecodeOracle create(Params params, Registry registry) {
        return new MultiStartOracle(registry.oracle(params.getString("inner")), params.getInt("starts"));
    }
}
