package io.gendict.testkit;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.MethodProvider;
import io.gendict.core.spi.MethodRecipe;
import io.gendict.core.spi.UpdateRule;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A method building the toy learner from the recipe (toy-descent, and toy-gradient when a rule is
 * required); the impure variant numbers its recipes, so two calls with the same arguments differ.
 */
final class ToyMethodProvider implements MethodProvider {
    private final AtomicInteger calls;

    ToyMethodProvider(boolean impure) {
        this.calls = impure ? new AtomicInteger() : null;
    }

    @Override
    public String name() {
        return "toy-method";
    }

    @Override
    public String description() {
        return "the toy learner as a method";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.empty();
    }

    @Override
    public MethodRecipe recipe(Params params, GenerativePrior prior, boolean withRule) {
        String name = calls == null ? "toy" : "toy-" + calls.incrementAndGet();
        return new MethodRecipe(name, "toy-descent", withRule ? "toy-gradient" : null);
    }

    @Override
    public DictionaryLearner create(Params params, MethodRecipe recipe, DecodeOracle oracle, UpdateRule rule,
                                    LearnerContext context) {
        return new ToyLearner(context, ToyLearner.Bug.NONE);
    }
}
