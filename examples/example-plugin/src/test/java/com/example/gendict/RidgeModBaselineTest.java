package com.example.gendict;

import io.gendict.core.spi.BaselineProvider;
import io.gendict.testkit.BaselineContract;

/** The learner contract (initial dictionary, listeners, shapes, checkpoints, seed and thread determinism). */
class RidgeModBaselineTest implements BaselineContract {
    @Override
    public BaselineProvider provider() {
        return new RidgeModProvider();
    }

    @Override
    public boolean threadCountInvariant() {
        return true;
    }
}
