package com.example.gendict;

import io.gendict.core.spi.UpdateRuleProvider;
import io.gendict.testkit.UpdateRuleContract;

/** The update-rule contract (lowers the batch loss, sums equal rows, same seed, restored state). */
class GradientStepRuleTest implements UpdateRuleContract {
    @Override
    public UpdateRuleProvider provider() {
        return new GradientStepRuleProvider();
    }
}
