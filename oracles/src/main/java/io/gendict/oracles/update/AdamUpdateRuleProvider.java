package io.gendict.oracles.update;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.UpdateRule;
import io.gendict.core.spi.UpdateRuleProvider;

/**
 * Provides the {@code adam} update rule ({@link AdamUpdateRule}).
 *
 * @since 0.1
 */
public final class AdamUpdateRuleProvider implements UpdateRuleProvider {
    private static final ParamSpec SPEC = ParamSpec.builder()
            .doubleParam("lr", 1e-3, 1e-12, Double.NaN, "Adam learning rate")
            .intParam("iterations", 1000, 1, 10_000_000, "Adam steps per batch")
            .intParam("threads", 1, 1, 1024, "worker threads over blocks of dictionary rows (same result for any count)")
            .build();

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public String description() {
        return "Adam on the dictionary for the batch's squared error, the paper's update (lr 1e-3, 1000 steps)";
    }

    @Override
    public ParamSpec parameters() {
        return SPEC;
    }

    @Override
    public UpdateRule create(Params params) {
        return new AdamUpdateRule(params.getDouble("lr"), params.getInt("iterations"), params.getInt("threads"));
    }
}
