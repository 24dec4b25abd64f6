package io.gendict.priors;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;

/**
 * Provides {@code dependencies}: G(z) = [z; z∘z; sin z], n = 3k ({@link DependenciesPrior}).
 *
 * @since 0.1
 */
public final class DependenciesPriorProvider implements PriorProvider {
    private static final ParamSpec PARAMS = ParamSpec.builder()
            .intParam("k", 3, 1, 1_000_000, "latent dimension k (n = 3k)")
            .build();

    @Override
    public String name() {
        return "dependencies";
    }

    @Override
    public String description() {
        return "G(z) = [z; z∘z; sin z] with n = 3k (paper figure 1a)";
    }

    @Override
    public ParamSpec parameters() {
        return PARAMS;
    }

    @Override
    public GenerativePrior create(Params params) {
        return new DependenciesPrior(params);
    }
}
