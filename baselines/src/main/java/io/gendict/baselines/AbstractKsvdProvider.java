package io.gendict.baselines;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;

/** What the exact and approximate K-SVD providers share: the parameters and the learner. */
abstract class AbstractKsvdProvider implements BaselineProvider {
    private final boolean approximate;

    AbstractKsvdProvider(boolean approximate) {
        this.approximate = approximate;
    }

    @Override
    public ParamSpec parameters() {
        return LearnerSettings.addCommon(ParamSpec.builder())
                .intParam("iterations", 1, 1, 1_000_000, "K-SVD iterations run on each batch passed to fit (warm started)")
                .doubleParam("mu-threshold", 0.99, 0, 1, "replace an atom whose coherence with another exceeds this (1 = never)")
                .intParam("min-use", 0, 0, 1_000_000, "replace an atom fewer signals of the batch use (0 = only unused atoms)")
                .doubleParam("restart-ratio", 0.0, 0, Double.NaN, AtomRestart.HELP)
                .build();
    }

    @Override
    public DictionaryLearner create(Params params, LearnerContext context) {
        return new KsvdLearner(LearnerSettings.resolve(params, context), context, approximate, params.getInt("iterations"),
                new AtomCleanup(params.getDouble("mu-threshold"), params.getInt("min-use")),
                new AtomRestart(params.getDouble("restart-ratio")));
    }
}
