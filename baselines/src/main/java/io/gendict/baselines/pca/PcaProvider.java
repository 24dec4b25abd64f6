package io.gendict.baselines.pca;

import io.gendict.core.error.Checks;
import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;

/**
 * {@code pca}: the prior-free low-rank reference. The dictionary is the rank-r principal subspace
 * of every training sample seen so far (plus the sample mean as a fixed last atom when centred);
 * a sample's code is its r projection coefficients. {@code rank=0} takes r from the prior's latent
 * dimension k, so the code stores as many numbers as a generative code.
 *
 * @since 0.1
 */
public final class PcaProvider implements BaselineProvider {
    /** Creates the provider (stateless). */
    public PcaProvider() {
        // stateless
    }

    @Override
    public String name() {
        return "pca";
    }

    @Override
    public String description() {
        return "rank-r principal subspace of all samples seen (streaming second moment); codes = r projection coefficients";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.builder()
                .intParam("rank", 0, 0, 100_000, "subspace rank r (numbers stored per sample); 0 = the prior's latent dimension k")
                .boolParam("center", true, "subtract the running sample mean, kept as a fixed last atom (stored once, not per sample)")
                .build();
    }

    @Override
    public DictionaryLearner create(Params params, LearnerContext context) {
        int rank = params.getInt("rank");
        if (rank == 0) {
            Checks.parameter(context.prior() != null, "pca: rank=0 needs a prior to take k from; set rank");
            rank = context.prior().latentDim();
        }
        Checks.parameter(context.m() >= 1, "pca: data dimension m: expected ≥ 1, got " + context.m());
        Checks.parameter(rank <= context.m(), "pca: rank: expected ≤ the data dimension m (" + context.m() + "), got " + rank);
        return new PcaLearner(context.m(), rank, params.getBoolean("center"), context.initialDictionary());
    }
}
