package io.gendict.core.plugin;

import io.gendict.core.learn.AltMinLearner;
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
 * A plugin method, {@code acme/plain}: alternating minimisation over {@code test-oracle} and
 * {@code test-rule} (recipe {@code plain}); {@code broken=true} makes its recipe throw, a planted bug.
 */
public final class TestMethodProvider implements MethodProvider {
    @Override
    public String name() {
        return "acme/plain";
    }

    @Override
    public String description() {
        return "alternating minimisation over the test oracle and rule";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.builder().boolParam("broken", false, "throw from recipe").build();
    }

    @Override
    public MethodRecipe recipe(Params params, GenerativePrior prior, boolean withRule) {
        if (params.getBoolean("broken")) {
            throw new IllegalStateException("planted bug in recipe");
        }
        return new MethodRecipe("plain", "test-oracle", "test-rule");
    }

    @Override
    public DictionaryLearner create(Params params, MethodRecipe recipe, DecodeOracle oracle, UpdateRule rule,
                                    LearnerContext context) {
        return new AltMinLearner(name(), oracle, rule, context, AltMinLearner.Options.single());
    }
}
