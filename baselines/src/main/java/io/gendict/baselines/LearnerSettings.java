package io.gendict.baselines;

import io.gendict.core.error.Checks;
import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.LearnerContext;

import java.util.List;

/**
 * The settings every sparse baseline shares, resolved from its parameters and its
 * {@link LearnerContext}: atoms n (0 → the initial dictionary's columns, else the prior's output
 * dimension), sparsity K (0 → the prior's latent dimension, the k of the paper's metric), the OMP
 * residual target, the initialisation when no dictionary is given, the seed and the threads.
 *
 * @param name      the method name
 * @param m         data dimension
 * @param atoms     number of atoms n
 * @param sparsity  non-zeros per code K (1..n; may exceed m)
 * @param tol       OMP residual-norm target ε (0 for none)
 * @param init      {@code "random"} or {@code "data"}, used when the context gives no dictionary
 * @param seed      root seed
 * @param threads   worker threads for sparse coding
 * @since 0.1
 */
public record LearnerSettings(String name, int m, int atoms, int sparsity, double tol, String init, long seed, int threads) {

    /**
     * Adds the shared parameters (atoms, sparsity, tol, init) to a spec builder.
     *
     * @param builder the provider's builder. Modified.
     * @return the same builder
     */
    public static ParamSpec.Builder addCommon(ParamSpec.Builder builder) {
        return builder
                .intParam("atoms", 0, 0, 1_000_000, "number of atoms n; 0 = the initial dictionary's columns, else the prior's output dimension")
                .intParam("sparsity", 0, 0, 1_000_000, "non-zeros per code K for OMP; 0 = the prior's latent dimension")
                .doubleParam("tol", 0.0, 0, Double.NaN, "OMP residual-norm target (0 = code with exactly up to K atoms)")
                .stringParam("init", "data", List.of("data", "random"),
                        "initial atoms when none are given: signals of the first batch, or random Gaussian");
    }

    /**
     * Resolves the shared settings.
     *
     * @param params  validated parameters holding the shared ones
     * @param context the learner context
     * @return the settings
     * @throws io.gendict.core.error.GendictException INVALID_PARAMETER when atoms or sparsity is 0
     *                                                without a prior to default from, or sparsity exceeds atoms
     */
    public static LearnerSettings resolve(Params params, LearnerContext context) {
        String name = params.provider();
        Checks.parameter(context.m() >= 1, name + ": data dimension m: expected ≥ 1, got " + context.m());
        Checks.parameter(context.threads() >= 1, name + ": threads: expected ≥ 1, got " + context.threads());
        int atoms = params.getInt("atoms");
        if (atoms == 0 && context.initialDictionary() != null) {
            atoms = context.initialDictionary().numCols;
        }
        if (atoms == 0) {
            Checks.parameter(context.prior() != null, name + ": atoms=0 needs a prior or an initial dictionary to take n from; set atoms");
            atoms = context.prior().outputDim();
        }
        int sparsity = params.getInt("sparsity");
        if (sparsity == 0) {
            Checks.parameter(context.prior() != null, name + ": sparsity=0 needs a prior to take k from; set sparsity");
            sparsity = context.prior().latentDim();
        }
        Checks.parameter(sparsity <= atoms, name + ": sparsity: expected ≤ atoms (" + atoms + "), got " + sparsity);
        return new LearnerSettings(name, context.m(), atoms, sparsity, params.getDouble("tol"), params.getString("init"),
                context.seed(), context.threads());
    }
}
