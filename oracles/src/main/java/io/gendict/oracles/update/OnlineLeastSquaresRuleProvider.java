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
            .doubleParam("ridge", 1e-9, 0, 1, "ridge relative to tr(S_xx)/n")
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
        return new LeastSquaresRule(params.getDouble("forgetting"), params.getDouble("ridge"));
    }
}
