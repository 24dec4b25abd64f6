package io.gendict.methods;

import io.gendict.core.learn.AutodiffLearner;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.MethodRecipe;
import io.gendict.core.spi.UpdateRule;

/**
 * {@code autodiff}, the paper's joint Adam on (A, Z) ({@link AutodiffLearner}, docs/algorithms.md
 * §2.3), recipe {@code joint-adam}; it encodes with oracle {@code adam} and takes no update rule.
 */
public final class AutodiffMethod extends BuiltInMethod {
    private static final MethodRecipe RECIPE = new MethodRecipe("joint-adam", "adam", null);

    /** Used by {@link java.util.ServiceLoader}. */
    public AutodiffMethod() {
        super("autodiff", "the paper's joint Adam on the dictionary and the latent codes");
    }

    @Override
    public MethodRecipe recipe(Params params, GenerativePrior prior, boolean withRule) {
        return RECIPE;
    }

    @Override
    public DictionaryLearner create(Params params, MethodRecipe recipe, DecodeOracle oracle, UpdateRule rule,
                                    LearnerContext context) {
        refuseRule(rule, "updates A by joint Adam");
        return new AutodiffLearner(oracle, context, AutodiffLearner.Options.paper());
    }
}
