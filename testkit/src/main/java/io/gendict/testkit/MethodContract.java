package io.gendict.testkit;

import io.gendict.core.contract.MethodChecks;
import io.gendict.core.param.Params;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.MethodProvider;
import io.gendict.core.spi.MethodRecipe;
import io.gendict.core.spi.Registry;
import io.gendict.core.spi.UpdateRule;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * The property suite every {@link MethodProvider} must pass: it declares neither reserved key, its
 * recipe is a pure function naming components the registry creates, and the learners it builds
 * from its recipe pass every {@link LearnerContract} property on the planted problem.
 *
 * <pre>{@code
 * class MyMethodTest implements MethodContract {
 *     public MethodProvider provider() { return new MyMethodProvider(); }
 * }
 * }</pre>
 * The method-level checks are in {@link MethodChecks}.
 *
 * @since 0.1
 */
public interface MethodContract extends LearnerContract {
    /** @return the provider under test */
    MethodProvider provider();

    /** @return the raw parameters the learners are created with; default: the provider's defaults */
    default Map<String, Object> parameters() {
        return Map.of();
    }

    /** @return where the recipe's oracle and update rule are created; default: the classpath's providers */
    default Registry registry() {
        return PluginRegistry.of(new PluginLoader().load(null));
    }

    /**
     * Builds a learner as the application does: validates {@link #parameters()}, asks for the recipe
     * (no rule required), creates its oracle and update rule, and calls {@link MethodProvider#create}.
     */
    @Override
    default DictionaryLearner learner(LearnerContext context) {
        Registry registry = registry();
        Params params = provider().parameters().validate(provider().name(), parameters());
        MethodRecipe recipe = provider().recipe(params, context.prior(), false);
        DecodeOracle oracle = registry.oracle(recipe.oracle());
        UpdateRule rule = recipe.update() == null ? null : registry.updateRule(recipe.update());
        return provider().create(params, recipe, oracle, rule, context);
    }

    @Override
    default String describe() {
        return "method " + provider().name() + parameters();
    }

    /** {@link MethodChecks#reservedKeysNotDeclared}. */
    @Test
    default void reservedKeysAreNotDeclared() {
        MethodChecks.reservedKeysNotDeclared(provider(), describe());
    }

    /** {@link MethodChecks#recipeIsPureAndResolvable}, for the planted problem's prior. */
    @Test
    default void recipeIsPureAndNamesComponentsTheRegistryCreates() {
        MethodChecks.recipeIsPureAndResolvable(provider(),
                provider().parameters().validate(provider().name(), parameters()), prior(), registry(), describe());
    }
}
