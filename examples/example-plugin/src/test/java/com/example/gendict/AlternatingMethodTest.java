package com.example.gendict;

import io.gendict.core.spi.MethodProvider;
import io.gendict.testkit.MethodContract;

/** The method contract (reserved keys, pure recipe, and every learner property of what it builds). */
class AlternatingMethodTest implements MethodContract {
    @Override
    public MethodProvider provider() {
        return new AlternatingMethodProvider();
    }

    @Override
    public boolean threadCountInvariant() {
        return true;
    }
}
