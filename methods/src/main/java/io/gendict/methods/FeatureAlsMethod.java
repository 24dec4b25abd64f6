package io.gendict.methods;

import io.gendict.core.learn.FeatureLearner;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.MethodRecipe;
import io.gendict.core.spi.UpdateRule;

/**
 * {@code feature-als}: windowed alternating minimisation in a prior's declared feature space
 * ({@link FeatureLearner}, window 1000 samples, up to 300 rounds per batch), recipe
 * {@code feature-window}, oracle {@code gauss-newton}; for priors that declare linear features only.
 */
public final class FeatureAlsMethod extends BuiltInMethod {
    /** Its recipe, also {@code fast}'s for priors that declare linear features when no rule is wanted. */
    static final MethodRecipe RECIPE = new MethodRecipe("feature-window", "gauss-newton", null);
    private static final FeatureLearner.Options OPTIONS = new FeatureLearner.Options(1000, 300);

    /** Used by {@link java.util.ServiceLoader}. */
    public FeatureAlsMethod() {
        super("feature-als", "windowed least squares in the prior's declared linear feature space");
    }

    @Override
    public MethodRecipe recipe(Params params, GenerativePrior prior, boolean withRule) {
        return RECIPE;
    }

    @Override
    public DictionaryLearner create(Params params, MethodRecipe recipe, DecodeOracle oracle, UpdateRule rule,
                                    LearnerContext context) {
        refuseRule(rule, "fits A by its own least squares");
        return new FeatureLearner(name(), oracle, context, OPTIONS);
    }
}
