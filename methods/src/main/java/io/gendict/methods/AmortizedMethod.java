package io.gendict.methods;

import io.gendict.core.learn.AmortizedLearner;
import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.MethodRecipe;
import io.gendict.core.spi.UpdateRule;

/**
 * {@code amortized} ({@link AmortizedLearner}): ridge least squares on the prior's encoder latents,
 * anchored to the prior's head; encodes with {@code gauss-newton:iterations=N} started from them.
 * Parameters: {@code iterations} Gauss–Newton steps (20; 0 keeps the encoder's latents, recipe
 * {@code encoder-latents}, else {@code encoder-refined}), {@code anchor=false} ignores the head.
 */
public final class AmortizedMethod extends BuiltInMethod {
    private static final String ORACLE = "gauss-newton:iterations=";
    private static final int DEFAULT_ITERATIONS = 20;
    private static final ParamSpec PARAMS = ParamSpec.builder()
            .intParam("iterations", DEFAULT_ITERATIONS, 0, 1_000_000, "Gauss–Newton steps refining the encoder's "
                    + "latents against the current A (0: the encoder's latents are the codes)")
            .boolParam("anchor", true, "ridge A towards the linear stand-in of the prior's decoder head, when it has one")
            .build();

    /** Used by {@link java.util.ServiceLoader}. */
    public AmortizedMethod() {
        super("amortized", "ridge least squares on the prior's amortized encoder latents");
    }

    @Override
    public ParamSpec parameters() {
        return PARAMS;
    }

    @Override
    public MethodRecipe recipe(Params params, GenerativePrior prior, boolean withRule) {
        int iterations = params.getInt("iterations");
        return iterations > 0 ? new MethodRecipe("encoder-refined", ORACLE + iterations, null)
                : new MethodRecipe("encoder-latents", ORACLE + DEFAULT_ITERATIONS, null);
    }

    @Override
    public DictionaryLearner create(Params params, MethodRecipe recipe, DecodeOracle oracle, UpdateRule rule,
                                    LearnerContext context) {
        refuseRule(rule, "fits A by its own least squares");
        return new AmortizedLearner(name(), oracle, context,
                new AmortizedLearner.Options(params.getInt("iterations") > 0, params.getBoolean("anchor")));
    }
}
