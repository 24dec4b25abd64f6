package io.gendict.priors;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.error.MemoryBudget;
import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;
import org.ejml.data.DMatrixRMaj;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Provides {@code group-sparsity}: G(z) = ReLU(M·(z∘z)) with M_ij i.i.d. Bernoulli(p), drawn
 * row-major from {@code SplittableRandom(seed)} as {@code nextDouble() < p} ({@link GroupSparsityPrior}).
 * The drawn M is saved as array {@code "M"} and {@link #restore} rebuilds from it, never redrawing.
 *
 * @since 0.1
 */
public final class GroupSparsityPriorProvider implements PriorProvider {
    private static final String NAME = "group-sparsity";
    private static final ParamSpec PARAMS = ParamSpec.builder()
            .intParam("n", 300, 1, 1_000_000, "output dimension n (rows of M)")
            .intParam("k", 10, 1, 1_000_000, "latent dimension k (columns of M)")
            .doubleParam("p", 0.6, 0, 1, "Bernoulli probability of each entry of M being 1")
            .longParam("seed", 1L, "seed of the draw of M")
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "G(z) = ReLU(M·(z∘z)), M ∈ {0,1}^{n×k} i.i.d. Bernoulli(p) from a seed (paper figure 1b)";
    }

    @Override
    public ParamSpec parameters() {
        return PARAMS;
    }

    @Override
    public GenerativePrior create(Params params) {
        int n = params.getInt("n");
        int k = params.getInt("k");
        double p = params.getDouble("p");
        MemoryBudget.require(ErrorKind.INVALID_PARAMETER, NAME + ": n=" + n + ", k=" + k + ": the n×k matrix M",
                MemoryBudget.product(n, k, Double.BYTES));
        SplittableRandom rng = new SplittableRandom(params.getLong("seed"));
        DMatrixRMaj m = new DMatrixRMaj(n, k);
        for (int i = 0; i < n * k; i++) {
            m.data[i] = rng.nextDouble() < p ? 1 : 0;
        }
        return new GroupSparsityPrior(params, m);
    }

    /**
     * @throws GendictException INVALID_INPUT when {@code "M"} is missing, not n×k, or has an entry other than 0 or 1
     */
    @Override
    public GenerativePrior restore(Params params, Map<String, DMatrixRMaj> arrays) {
        DMatrixRMaj m = arrays.get("M");
        if (m == null) {
            throw new GendictException(ErrorKind.INVALID_INPUT, NAME + ": missing saved array 'M', expected "
                    + params.getInt("n") + "×" + params.getInt("k") + "; arrays: " + String.join(", ", arrays.keySet()));
        }
        Checks.shape(NAME + " saved array 'M'", m, params.getInt("n"), params.getInt("k"));
        for (int i = 0; i < m.getNumElements(); i++) {
            double v = m.data[i];
            if (v != 0 && v != 1) {
                throw new GendictException(ErrorKind.INVALID_INPUT, NAME + ": saved array 'M' has " + v + " at row "
                        + (i / m.numCols) + ", column " + (i % m.numCols) + ", expected 0 or 1");
            }
        }
        return new GroupSparsityPrior(params, m);
    }
}
