package io.gendict.oracles.update;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.UpdateRule;
import io.gendict.core.spi.UpdateRuleProvider;

/**
 * Provides the {@code online-least-squares} update rule ({@link LeastSquaresRule}).
 *
 * @since 0.1
 */
public final class OnlineLeastSquaresRuleProvider implements UpdateRuleProvider {
    private static final ParamSpec SPEC = ParamSpec.builder()
            .doubleParam("forgetting", 1.0, 0, 1, "factor applied to the statistics before each batch (1 keeps all)")
            .doubleParam("power", 0.0, 0, 100, "schedule exponent p: at update t the statistics are scaled by forgetting*(1-1/t)^p")
            .doubleParam("ridge", 1e-6, 1e-15, 1, "ridge relative to tr(X^T X)/n of the first batch")
            .intParam("threads", 1, 1, 1024, "worker threads of the products (same result for any count)")
            .build();

    @Override
    public String name() {
        return "online-least-squares";
    }

    @Override
    public String description() {
        return "least-squares dictionary over all batches so far, from accumulated sufficient statistics";
    }

    @Override
    public ParamSpec parameters() {
        return SPEC;
    }

    @Override
    public UpdateRule create(Params params) {
        return new LeastSquaresRule(params.getDouble("forgetting"), params.getDouble("power"),
                params.getDouble("ridge"), params.getInt("threads"));
    }
}
