package io.gendict.core.contract;

import io.gendict.core.error.GendictException;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.MethodProvider;
import io.gendict.core.spi.MethodRecipe;
import io.gendict.core.spi.Registry;

import java.util.List;

/**
 * The checks of the method contract ({@link MethodProvider}) beyond those of the learners it
 * builds ({@link LearnerChecks}). Each returns normally or throws {@link ContractViolation}.
 *
 * @since 0.1
 */
public final class MethodChecks {
    /** The parameter keys reserved for composing an oracle and an update rule into a method. */
    public static final List<String> RESERVED = List.of("oracle", "update");

    private MethodChecks() {
    }

    /**
     * The method declares neither reserved key ({@code oracle}, {@code update}) as a parameter.
     *
     * @param method the provider
     * @param who    names it in messages
     */
    public static void reservedKeysNotDeclared(MethodProvider method, String who) {
        method.parameters().definitions().forEach(d -> Verify.that(!RESERVED.contains(d.name()),
                () -> who + ": declares the parameter '" + d.name() + "', reserved for composing components in"));
    }

    /**
     * The recipe is a pure function of its arguments (two calls give equal recipes, with and without
     * a rule required), and names an oracle, and an update rule when it names one, that the registry
     * creates; with a rule required, it names one.
     *
     * @param method   the provider
     * @param params   validated parameters
     * @param prior    the prior
     * @param registry where the recipe's components are looked up
     * @param who      names it in messages
     */
    public static void recipeIsPureAndResolvable(MethodProvider method, Params params, GenerativePrior prior,
                                                 Registry registry, String who) {
        for (boolean withRule : new boolean[]{false, true}) {
            MethodRecipe first = method.recipe(params, prior, withRule);
            MethodRecipe second = method.recipe(params, prior, withRule);
            String at = who + " (withRule " + withRule + ")";
            Verify.that(first != null && first.equals(second),
                    () -> at + ": two recipes for the same arguments differ: " + first + " and " + second);
            Verify.that(first.oracle() != null, () -> at + ": the recipe names no oracle");
            resolves(() -> registry.oracle(first.oracle()), "oracle " + first.oracle(), at);
            if (first.update() != null) {
                resolves(() -> registry.updateRule(first.update()), "update rule " + first.update(), at);
            }
        }
    }

    private static void resolves(Runnable lookup, String what, String who) {
        try {
            lookup.run();
        } catch (GendictException e) {
            throw new ContractViolation(who + ": the recipe's " + what + " cannot be created: " + e.getMessage(), e);
        }
    }
}
