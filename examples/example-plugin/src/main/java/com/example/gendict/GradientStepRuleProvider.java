package com.example.gendict;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.UpdateRule;
import io.gendict.core.spi.UpdateRuleProvider;

/** Registers {@link GradientStepRule} as {@code example/gradient-step:eta=…}. */
public final class GradientStepRuleProvider implements UpdateRuleProvider {
    @Override
    public String name() {
        return "example/gradient-step";
    }

    @Override
    public String description() {
        return "example plugin: one gradient step on the batch loss, step eta/tr(X^T X)";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.builder().doubleParam("eta", 1.0, 1e-6, 1, "step scale in (0, 1]").build();
    }

    @Override
    public UpdateRule create(Params params) {
        return new GradientStepRule(params.getDouble("eta"));
    }
}
