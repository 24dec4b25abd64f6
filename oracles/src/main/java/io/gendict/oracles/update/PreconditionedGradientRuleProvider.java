package io.gendict.oracles.update;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.UpdateRule;
import io.gendict.core.spi.UpdateRuleProvider;

import java.util.List;

/**
 * Provides the {@code preconditioned-gradient} update rule ({@link PreconditionedGradientRule}).
 *
 * @since 0.1
 */
public final class PreconditionedGradientRuleProvider implements UpdateRuleProvider {
    private static final ParamSpec SPEC = ParamSpec.builder()
            .doubleParam("eta", 0.5, 1e-12, Double.NaN, "step size")
            .doubleParam("delta", 0.0, 0, Double.NaN, "projection radius around A0 per column; 0 disables")
            .stringParam("preconditioner", "monte-carlo", List.of("monte-carlo", "identity"), "C^-1 estimate or the identity")
            .intParam("samples", 0, 0, 100_000_000, "Monte-Carlo draws for C*; 0 for max(10n, 10^4)")
            .intParam("threads", 1, 1, 1024, "worker threads of the products (same result for any count)")
            .build();

    @Override
    public String name() {
        return "preconditioned-gradient";
    }

    @Override
    public String description() {
        return "Algorithm 1: preconditioned gradient step with column-wise projection onto B(A0, delta)";
    }

    @Override
    public ParamSpec parameters() {
        return SPEC;
    }

    @Override
    public UpdateRule create(Params params) {
        return new PreconditionedGradientRule(params.getDouble("eta"), params.getDouble("delta"),
                params.getString("preconditioner").equals("monte-carlo"), params.getInt("samples"),
                params.getInt("threads"));
    }
}
