package com.example.gendict;

import io.gendict.core.spi.PriorProvider;
import io.gendict.theory.contract.PriorContract;

/** One line per plugin: gendict's prior contract (VJP vs finite differences, batching, determinism, …). */
class ShiftedSquarePriorProperties implements PriorContract {
    @Override
    public PriorProvider provider() {
        return new ShiftedSquarePriorProvider();
    }
}
