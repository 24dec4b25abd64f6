package io.gendict.baselines;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;

import java.util.List;

/**
 * {@code mod}: the Method of Optimal Directions (docs/algorithms.md §7.4), mini-batch (running sums
 * over all batches, one solve per fit) or batch ({@code iterations} MOD iterations per fit on that
 * batch alone).
 *
 * @since 0.1
 */
public final class ModProvider implements BaselineProvider {
    /** Creates the provider (stateless). */
    public ModProvider() {
        // stateless
    }

    @Override
    public String name() {
        return "mod";
    }

    @Override
    public String description() {
        return "Method of Optimal Directions (Engan et al. 1999): OMP coding and D = Y·Xᵀ(X·Xᵀ)⁻¹";
    }

    @Override
    public ParamSpec parameters() {
        return LearnerSettings.addCommon(ParamSpec.builder())
                .stringParam("mode", "mini-batch", List.of("mini-batch", "batch"),
                        "mini-batch: running sums over all batches; batch: each fit iterates on its batch alone")
                .intParam("iterations", 1, 1, 1_000_000, "MOD iterations per fit in batch mode")
                .build();
    }

    @Override
    public DictionaryLearner create(Params params, LearnerContext context) {
        return new ModLearner(LearnerSettings.resolve(params, context), context,
                params.getString("mode").equals("mini-batch"), params.getInt("iterations"));
    }
}
