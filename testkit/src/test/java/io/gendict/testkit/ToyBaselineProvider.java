package io.gendict.testkit;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;

/** The correct toy learner as a baseline declaring {@code atoms}; the broken variant declares it and ignores it. */
final class ToyBaselineProvider implements BaselineProvider {
    private final boolean ignoresAtoms;

    ToyBaselineProvider(boolean ignoresAtoms) {
        this.ignoresAtoms = ignoresAtoms;
    }

    @Override
    public String name() {
        return "toy";
    }

    @Override
    public String description() {
        return "ridge codes and MOD updates";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.builder().intParam("atoms", 0, 0, 1000, "number of atoms; 0 = the prior's n").build();
    }

    @Override
    public DictionaryLearner create(Params params, LearnerContext context) {
        int atoms = params.getInt("atoms");
        return new ToyLearner(context, ToyLearner.Bug.NONE, atoms == 0 || ignoresAtoms ? context.prior().outputDim() : atoms);
    }
}
