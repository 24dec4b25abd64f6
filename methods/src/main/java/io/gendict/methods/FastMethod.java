package io.gendict.methods;

import io.gendict.core.learn.AltMinLearner;
import io.gendict.core.learn.FeatureLearner;
import io.gendict.core.learn.RestartLearner;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.MethodRecipe;
import io.gendict.core.spi.UpdateRule;

/**
 * {@code fast}: our method, one of five named recipes chosen by what the prior declares.
 * <pre>
 * feature-window        the prior declares linear features, no rule wanted: {@code feature-als}'s
 *                       recipe, windowed alternating least squares in the feature space
 *                       ({@link FeatureLearner}, window 1000 samples) with oracle gauss-newton, capped at
 *                       20 rounds per batch instead of 300 (figure 1b: about half the error of
 *                       linear-features, see the README)
 * linear-features       the prior declares linear features where a rule is wanted: oracle gauss-newton
 *                       (its least-squares start is the global optimum), rule
 *                       online-least-squares:power=8, up to 4 rounds per batch while the update lowers
 *                       the batch error by more than 30%
 * restarts              k &lt;= 4, no rule wanted: {@link RestartLearner} (12 restarts pruned by window
 *                       error, window 150 samples, up to 6 variable-projection Gauss–Newton steps on A
 *                       per batch), oracle
 *                       screened:candidates=2000,inner=gauss-newton:tol=1e-3,warm=500,reuse=true
 *                       (a p_z screen covers a latent space this small, then Gauss–Newton to a relative
 *                       decrease of 1e-3; one screen per batch, shared by its candidates and steps, whose
 *                       first 500 draws compete with the codes a step starts from)
 * screened-alternating  k &lt;= 4 where a rule is wanted (one is composed in, or spark-learn, whose
 *                       batches leave no window): the screened oracle with the rounds and rule of
 *                       linear-features
 * multi-start           otherwise: oracle multi-start:inner=sign-flip,starts=5, rounds and rule of
 *                       linear-features
 * </pre>
 */
public final class FastMethod extends BuiltInMethod {
    /** The method's name. */
    public static final String NAME = "fast";
    /** The update rule of every recipe but {@code restarts} and {@code feature-window}. */
    public static final String RULE = "online-least-squares:power=8";
    /** The oracle of the screened recipes: 2000 p_z draws screened, then Gauss–Newton. */
    public static final String SCREENED = "screened:candidates=2000,inner=gauss-newton";
    private static final int SMALL_LATENT = 4;
    private static final MethodRecipe LINEAR = new MethodRecipe("linear-features", "gauss-newton", RULE);
    private static final MethodRecipe RESTARTS = new MethodRecipe("restarts", SCREENED + ":tol=1e-3,warm=500,reuse=true", null);
    private static final MethodRecipe SCREENED_ALTERNATING = new MethodRecipe("screened-alternating", SCREENED, RULE);
    private static final MethodRecipe MULTI_START =
            new MethodRecipe("multi-start", "multi-start:inner=sign-flip,starts=5", RULE);
    private static final AltMinLearner.Options ROUNDS = new AltMinLearner.Options(4, 0.3);
    private static final FeatureLearner.Options FEATURE_OPTIONS = new FeatureLearner.Options(1000, 20);
    private static final RestartLearner.Options RESTART_OPTIONS = new RestartLearner.Options(12, 150, 6);

    /** Used by {@link java.util.ServiceLoader}. */
    public FastMethod() {
        super(NAME, "our method: a recipe by prior (linear features, restarts on small k, multi-start sign flip)");
    }

    @Override
    public MethodRecipe recipe(Params params, GenerativePrior prior, boolean withRule) {
        if (prior.linearFeatures().isPresent()) {
            return withRule ? LINEAR : FeatureAlsMethod.RECIPE;
        }
        if (prior.latentDim() <= SMALL_LATENT) {
            return withRule ? SCREENED_ALTERNATING : RESTARTS;
        }
        return MULTI_START;
    }

    @Override
    public DictionaryLearner create(Params params, MethodRecipe recipe, DecodeOracle oracle, UpdateRule rule,
                                    LearnerContext context) {
        if (recipe.equals(FeatureAlsMethod.RECIPE)) {
            return new FeatureLearner(name(), oracle, context, FEATURE_OPTIONS);
        }
        if (recipe.equals(RESTARTS)) {
            return new RestartLearner(name(), oracle, context, RESTART_OPTIONS);
        }
        return new AltMinLearner(name(), oracle, rule, context, ROUNDS);
    }
}
