package io.gendict.cli;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;

/** A broken plugin: asking its name ends the JVM with status 0. */
public final class ExitingPriorProvider implements PriorProvider {
    @Override
    public String name() {
        System.exit(0);
        return "exiting";
    }

    @Override
    public String description() {
        return "ends the JVM";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.builder().build();
    }

    @Override
    public GenerativePrior create(Params params) {
        throw new UnsupportedOperationException("never created");
    }
}
