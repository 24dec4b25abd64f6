package io.gendict.baselines;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;

import java.util.List;

/**
 * {@code online-dl}: online dictionary learning of Mairal et al. 2009 (docs/algorithms.md §7.5), what
 * scikit-learn's MiniBatchDictionaryLearning does and what the paper calls its mini-batched MOD
 * baseline. Each fit call is one mini-batch.
 *
 * @since 0.1
 */
public final class OnlineDlProvider implements BaselineProvider {
    /** Creates the provider (stateless). */
    public OnlineDlProvider() {
        // stateless
    }

    @Override
    public String name() {
        return "online-dl";
    }

    @Override
    public String description() {
        return "online dictionary learning (Mairal et al. 2009), as scikit-learn's MiniBatchDictionaryLearning";
    }

    @Override
    public ParamSpec parameters() {
        return LearnerSettings.addCommon(ParamSpec.builder())
                .stringParam("coder", "omp", List.of("omp", "lasso"),
                        "training codes: OMP with K non-zeros, or lasso by coordinate descent with penalty alpha")
                .doubleParam("alpha", 1.0, 1e-12, Double.NaN, "lasso penalty λ (coder=lasso)")
                .doubleParam("mu-threshold", 0.99, 0, 1, "replace an atom whose coherence with another exceeds this (1 = never, as scikit-learn)")
                .doubleParam("restart-ratio", 0.0, 0, Double.NaN, AtomRestart.HELP)
                .build();
    }

    @Override
    public DictionaryLearner create(Params params, LearnerContext context) {
        return new OnlineDlLearner(LearnerSettings.resolve(params, context), context,
                params.getString("coder").equals("lasso"), params.getDouble("alpha"),
                new AtomCleanup(params.getDouble("mu-threshold"), 0), new AtomRestart(params.getDouble("restart-ratio")));
    }
}
