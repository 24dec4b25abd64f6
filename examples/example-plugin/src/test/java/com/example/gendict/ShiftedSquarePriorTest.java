package com.example.gendict;

import io.gendict.core.spi.PriorProvider;
import io.gendict.testkit.PriorContract;

/** One line per provider: gendict's prior contract (VJP vs finite differences, batching, determinism, …). */
class ShiftedSquarePriorTest implements PriorContract {
    @Override
    public PriorProvider provider() {
        return new ShiftedSquarePriorProvider();
    }
}
