package com.example.gendict;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.MethodProvider;
import io.gendict.core.spi.MethodRecipe;
import io.gendict.core.spi.UpdateRule;

/**
 * Registers {@link AlternatingLearner} as the method {@code example/alternating}: by default it decodes
 * with {@code example/backtracking-descent} and updates with {@code example/gradient-step}; like any
 * method it takes other components with {@code example/alternating:oracle=SPEC,update=SPEC}.
 */
public final class AlternatingMethodProvider implements MethodProvider {
    @Override
    public String name() {
        return "example/alternating";
    }

    @Override
    public String description() {
        return "example plugin: decode from zero latents, then one update of A per batch";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.empty();
    }

    @Override
    public MethodRecipe recipe(Params params, GenerativePrior prior, boolean withRule) {
        return new MethodRecipe("default", "example/backtracking-descent", "example/gradient-step");
    }

    @Override
    public DictionaryLearner create(Params params, MethodRecipe recipe, DecodeOracle oracle, UpdateRule rule,
                                    LearnerContext context) {
        return new AlternatingLearner(oracle, rule, context);
    }
}
