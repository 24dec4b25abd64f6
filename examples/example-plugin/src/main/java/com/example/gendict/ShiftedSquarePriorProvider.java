package com.example.gendict;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;

/**
 * Registers {@link ShiftedSquarePrior} as {@code example/shifted-square:k=…,c=…} (or {@code shifted-square:…}
 * while no other prior has that bare name).
 */
public final class ShiftedSquarePriorProvider implements PriorProvider {
    @Override
    public String name() {
        return "example/shifted-square";
    }

    @Override
    public String description() {
        return "example plugin: G(z) = [z; (z + c)∘(z + c)], n = 2k";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.builder()
                .intParam("k", 3, 1, 10_000, "latent dimension")
                .doubleParam("c", 0.5, -100, 100, "shift inside the square")
                .build();
    }

    @Override
    public GenerativePrior create(Params params) {
        return new ShiftedSquarePrior(params);
    }
}
