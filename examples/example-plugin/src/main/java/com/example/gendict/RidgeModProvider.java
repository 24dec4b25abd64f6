package com.example.gendict;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;

/**
 * Registers {@link RidgeModLearner} as {@code example/ridge-mod:atoms=…,ridge=…}. A baseline declares
 * {@code atoms} (and, if it codes sparsely, {@code sparsity}) so that {@code learn --atoms/--sparsity}
 * reach it.
 */
public final class RidgeModProvider implements BaselineProvider {
    @Override
    public String name() {
        return "example/ridge-mod";
    }

    @Override
    public String description() {
        return "example plugin: dense ridge codes and MOD dictionary updates";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.builder()
                .intParam("atoms", 0, 0, 100_000, "number of atoms n; 0 = the initial dictionary's or the prior's n")
                .doubleParam("ridge", 1e-6, 1e-12, 1, "relative ridge of the code and dictionary solves")
                .build();
    }

    @Override
    public DictionaryLearner create(Params params, LearnerContext context) {
        return new RidgeModLearner(context, params.getInt("atoms"), params.getDouble("ridge"));
    }
}
