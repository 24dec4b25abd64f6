package io.gendict.oracles.update;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.UpdateRule;
import io.gendict.core.spi.UpdateRuleProvider;

/**
 * Provides the {@code least-squares} update rule ({@link LeastSquaresRule}).
 *
 * @since 0.1
 */
public final class LeastSquaresRuleProvider implements UpdateRuleProvider {
    private static final ParamSpec SPEC = ParamSpec.builder()
            .doubleParam("ridge", 1e-6, 1e-15, 1, "ridge towards the previous dictionary, relative to tr(X^T X)/n")
            .intParam("threads", 1, 1, 1024, "worker threads of the products (same result for any count)")
            .build();

    @Override
    public String name() {
        return "least-squares";
    }

    @Override
    public String description() {
        return "closed-form least-squares dictionary on the batch (MOD) with a small ridge";
    }

    @Override
    public ParamSpec parameters() {
        return SPEC;
    }

    @Override
    public UpdateRule create(Params params) {
        return new LeastSquaresRule(0, 0, params.getDouble("ridge"), params.getInt("threads"));
    }
}
