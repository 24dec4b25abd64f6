package io.gendict.cli;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;

/** "cli-test-prior", registered on the cli test classpath; listed, never created. */
public final class TestPriorProvider implements PriorProvider {
    @Override
    public String name() {
        return "cli-test-prior";
    }

    @Override
    public String description() {
        return "a prior only the cli tests know";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.builder()
                .intParam("k", 10, 1, 1000, "latent dimension")
                .intListParam("widths", new int[] {10, 60}, 1, 100_000, "layer widths")
                .doubleParam("p", null, 0, 1, "Bernoulli probability")
                .build();
    }

    @Override
    public GenerativePrior create(Params params) {
        throw new UnsupportedOperationException("cli-test-prior is only listed");
    }
}
