package io.gendict.core.method;

import io.gendict.core.param.ComponentSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.MethodProvider;
import io.gendict.core.spi.MethodRecipe;
import io.gendict.core.spi.Registry;
import io.gendict.core.spi.UpdateRule;
import io.gendict.core.spi.UpdateRuleProvider;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A method spec resolved by {@link MethodResolver}: the provider with validated parameters and, for
 * a generative method, the recipe it runs and the oracle and update rule specs it runs with (the
 * recipe's unless composed in). {@link #build} creates a fresh learner; an update rule with a
 * {@code threads} parameter that its spec leaves unset runs on the context's threads (the rules
 * give the same result for any count).
 *
 * @since 0.1
 */
public final class ResolvedMethod {
    private static final String THREADS = "threads";
    private final Registry registry;
    private final String spec;
    private final MethodProvider method;
    private final BaselineProvider baseline;
    private final Params params;
    private final MethodRecipe recipe;
    private final String oracle;
    private final String update;

    private ResolvedMethod(Registry registry, String spec, MethodProvider method, BaselineProvider baseline,
                           Params params, MethodRecipe recipe, String oracle, String update) {
        this.registry = registry;
        this.spec = spec;
        this.method = method;
        this.baseline = baseline;
        this.params = params;
        this.recipe = recipe;
        this.oracle = oracle;
        this.update = update;
    }

    static ResolvedMethod baseline(String spec, BaselineProvider baseline, Params params) {
        return new ResolvedMethod(null, spec, null, baseline, params, null, null, null);
    }

    static ResolvedMethod generative(Registry registry, String spec, MethodProvider method, Params params,
                                     MethodRecipe recipe, String oracle, String update) {
        return new ResolvedMethod(registry, spec, method, null, params, recipe,
                oracle != null ? oracle : recipe.oracle(), update != null ? update : recipe.update());
    }

    /** @return whether this is a generative method rather than a baseline */
    public boolean generative() {
        return method != null;
    }

    /** @return the spec with every parameter, defaults included, and any composed components */
    public String spec() {
        return spec;
    }

    /** @return the recipe's name, or {@code null} for a baseline */
    public String recipe() {
        return recipe == null ? null : recipe.name();
    }

    /** @return the oracle spec the method runs with, or {@code null} for a baseline */
    public String oracle() {
        return oracle;
    }

    /** @return the update rule spec, or {@code null} for a baseline and for methods that fit A without one */
    public String update() {
        return update;
    }

    /**
     * @param context dimensions, prior (the one resolved for), initial dictionary, seed and threads
     * @return a new learner
     */
    public DictionaryLearner build(LearnerContext context) {
        if (baseline != null) {
            return baseline.create(params, context);
        }
        DecodeOracle decoder = registry.oracle(oracle);
        UpdateRule rule = update == null ? null : rule(ComponentSpec.parse(update), context.threads());
        return method.create(params, recipe, decoder, rule, context);
    }

    private UpdateRule rule(ComponentSpec parsed, int threads) {
        UpdateRuleProvider provider = registry.updateRules().get(parsed.name());
        if (provider == null || parsed.raw().containsKey(THREADS)
                || provider.parameters().definitions().stream().noneMatch(d -> d.name().equals(THREADS))) {
            return registry.updateRule(update);
        }
        Map<String, Object> raw = new LinkedHashMap<>(parsed.raw());
        raw.put(THREADS, threads);
        return provider.create(provider.parameters().validate(provider.name(), raw));
    }
}
