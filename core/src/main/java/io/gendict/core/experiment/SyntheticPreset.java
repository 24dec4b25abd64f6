package io.gendict.core.experiment;

import io.gendict.core.error.Checks;
import io.gendict.core.param.ComponentSpec;
import io.gendict.core.plugin.Suggestions;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;
import io.gendict.core.spi.Registry;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The paper's synthetic experiments (docs/algorithms.md §3, figure 1) as presets: a prior spec, the data
 * dimension m and the noise σ. Any of the three can be overridden, which is how a user's own prior
 * runs through the same protocol.
 *
 * @param name  experiment name
 * @param prior prior spec; a prior with a {@code seed} parameter that the spec leaves unset gets a
 *              fresh seed per trial (figure 1b draws M once per trial)
 * @param m     data dimension
 * @param sigma noise standard deviation
 * @since 0.1
 */
public record SyntheticPreset(String name, String prior, int m, double sigma) {

    /** Figure 1a: G(z) = [z; z∘z; sin z], k = 3, n = 9, m = 10, σ = 0.1. */
    public static final SyntheticPreset DEPENDENCIES = new SyntheticPreset("dependencies", "dependencies:k=3", 10, 0.1);
    /** Figure 1b: G(z) = ReLU(M(z∘z)), M Bernoulli(0.6), n = 300, k = 10, m = 784, σ = 0.1. */
    public static final SyntheticPreset GROUP_SPARSITY = new SyntheticPreset("group-sparsity",
            "group-sparsity:n=300,k=10,p=0.6", 784, 0.1);

    /** Validates m and σ. */
    public SyntheticPreset {
        Checks.parameter(m >= 1, "--m is " + m + ", expected >= 1");
        Checks.parameter(Double.isFinite(sigma) && sigma >= 0, "--sigma is " + sigma + ", expected a finite value >= 0");
    }

    /**
     * @param name an experiment name
     * @return the preset
     * @throws io.gendict.core.error.GendictException UNKNOWN_NAME with the closest name
     */
    public static SyntheticPreset named(String name) {
        Map<String, SyntheticPreset> all = new LinkedHashMap<>();
        for (SyntheticPreset p : Arrays.asList(DEPENDENCIES, GROUP_SPARSITY)) {
            all.put(p.name(), p);
        }
        SyntheticPreset p = all.get(name);
        if (p == null) {
            throw Suggestions.unknownName("synthetic experiment", name, all.keySet());
        }
        return p;
    }

    /**
     * @param registry resolves the prior spec
     * @return the trials of this preset
     */
    public SyntheticTrials trials(Registry registry) {
        return new SyntheticTrials(priorForSeed(registry, prior), m, sigma, false);
    }

    /**
     * @param registry resolves the spec
     * @param spec     a prior spec
     * @return whether {@link #priorForSeed} draws the prior afresh per trial: its provider takes a
     * {@code seed} that the spec leaves unset
     */
    public static boolean seededPerTrial(Registry registry, String spec) {
        ComponentSpec parsed = ComponentSpec.parse(spec);
        PriorProvider provider = registry.priors().get(registry.prior(spec).params().provider());
        return !parsed.raw().containsKey("seed")
                && provider.parameters().definitions().stream().anyMatch(d -> d.name().equals("seed"));
    }

    /**
     * A prior per trial seed: the spec as given, plus {@code seed=…} when the prior takes a seed the
     * spec does not set.
     *
     * @param registry resolves the spec
     * @param spec     the prior spec
     * @return seed → prior; validates the spec once up front
     */
    public static LongFunction<GenerativePrior> priorForSeed(Registry registry, String spec) {
        GenerativePrior fixed = registry.prior(spec);
        ComponentSpec parsed = ComponentSpec.parse(spec);
        PriorProvider provider = registry.priors().get(fixed.params().provider());
        if (!seededPerTrial(registry, spec)) {
            return s -> fixed;
        }
        return s -> {
            Map<String, Object> raw = new LinkedHashMap<>(parsed.raw());
            raw.put("seed", Long.toString(s));
            return provider.create(provider.parameters().validate(provider.name(), raw));
        };
    }
}
