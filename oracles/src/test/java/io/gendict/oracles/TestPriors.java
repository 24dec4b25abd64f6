package io.gendict.oracles;

import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;
import io.gendict.priors.DependenciesPriorProvider;
import io.gendict.priors.GroupSparsityPriorProvider;

import java.util.Map;

/** The paper's two priors for the oracle tests, built through their real providers. */
public final class TestPriors {
    private TestPriors() {
    }

    /** G(z) = [z; z∘z; sin z], n = 3k. */
    public static GenerativePrior dependencies(int k) {
        return create(new DependenciesPriorProvider(), Map.of("k", k));
    }

    /** G(z) = ReLU(M(z∘z)) with M Bernoulli(p) drawn from the seed; declares its linear features. */
    public static GenerativePrior groupSparsity(int n, int k, double p, long seed) {
        return create(new GroupSparsityPriorProvider(), Map.of("n", n, "k", k, "p", p, "seed", seed));
    }

    private static GenerativePrior create(PriorProvider provider, Map<String, Object> raw) {
        return provider.create(provider.parameters().validate(provider.name(), raw));
    }
}
