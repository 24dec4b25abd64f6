package io.gendict.oracles;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.Registry;

import java.util.List;

/**
 * Provides the {@code sign-flip} oracle ({@link SignFlipOracle}).
 *
 * @since 0.1
 */
public final class SignFlipOracleProvider implements OracleProvider {
    private static final ParamSpec SPEC = ParamSpec.builder()
            .stringParam("inner", "gauss-newton", List.of(), "spec of the wrapped oracle")
            .intParam("rounds", 1, 1, 100, "negation checks")
            .build();

    @Override
    public String name() {
        return "sign-flip";
    }

    @Override
    public String description() {
        return "wraps an oracle; also tries the negated result and keeps the better (Hand et al.)";
    }

    @Override
    public ParamSpec parameters() {
        return SPEC;
    }

    @Override
    public DecodeOracle create(Params params, Registry registry) {
        return new SignFlipOracle(registry.oracle(params.getString("inner")), params.getInt("rounds"));
    }
}
