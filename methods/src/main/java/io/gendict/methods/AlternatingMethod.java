package io.gendict.methods;

import io.gendict.core.learn.AltMinLearner;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.MethodRecipe;
import io.gendict.core.spi.UpdateRule;

/**
 * Alternating minimisation with one decode round and one rule update per batch
 * ({@link AltMinLearner}), recipe {@code alternating}; subclasses name the oracle and rule.
 */
abstract class AlternatingMethod extends BuiltInMethod {
    /** The recipe's name. */
    static final String RECIPE = "alternating";
    private final MethodRecipe recipe;

    AlternatingMethod(String name, String description, String oracle, String update) {
        super(name, description);
        this.recipe = new MethodRecipe(RECIPE, oracle, update);
    }

    @Override
    public MethodRecipe recipe(Params params, GenerativePrior prior, boolean withRule) {
        return recipe;
    }

    @Override
    public DictionaryLearner create(Params params, MethodRecipe recipe, DecodeOracle oracle, UpdateRule rule,
                                    LearnerContext context) {
        return new AltMinLearner(name(), oracle, rule, context, AltMinLearner.Options.single());
    }
}
