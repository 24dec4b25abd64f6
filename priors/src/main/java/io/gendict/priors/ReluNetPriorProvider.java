package io.gendict.priors;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.MemoryBudget;
import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Provides {@code relu-net}: G(z) = ReLU(W_L ⋯ ReLU(W_1 z)) with widths n_0 = k, n_1, …, n_L = n,
 * no biases, W_i ∈ R^{n_i×n_{i−1}} i.i.d. N(0, 1/n_i) drawn layer by layer, row-major, from
 * {@code SplittableRandom(seed)}: the expansive Gaussian networks of Hand &amp; Voroninski
 * (docs/algorithms.md §1 Theorem 5.3, §4.3). The drawn weights are saved as {@code W1, W2, …}
 * and {@link #restore} rebuilds from them.
 *
 * @since 0.1
 */
public final class ReluNetPriorProvider implements PriorProvider {
    private static final String NAME = "relu-net";
    private static final ParamSpec PARAMS = ParamSpec.builder()
            .intListParam("widths", new int[]{10, 60, 300}, 1, 1_000_000, "layer widths k, n_1, …, n (at least two)")
            .longParam("seed", 1L, "seed of the Gaussian weights")
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "G(z) = ReLU(W_L ⋯ ReLU(W_1 z)), Gaussian weights N(0, 1/n_i) from a seed, no biases";
    }

    @Override
    public ParamSpec parameters() {
        return PARAMS;
    }

    @Override
    public GenerativePrior create(Params params) {
        int[] widths = widths(params);
        SplittableRandom rng = new SplittableRandom(params.getLong("seed"));
        List<MlpLayer> layers = new ArrayList<>();
        for (int i = 1; i < widths.length; i++) {
            DMatrixRMaj w = new DMatrixRMaj(widths[i], widths[i - 1]);
            double scale = 1 / Math.sqrt(widths[i]);
            for (int j = 0; j < w.getNumElements(); j++) {
                w.data[j] = scale * Gaussian.next(rng);
            }
            layers.add(new MlpLayer(NAME + ": layer " + i, w, null, Activation.RELU));
        }
        return new MlpPrior(params, layers);
    }

    /** @throws io.gendict.core.error.GendictException INVALID_INPUT when a saved {@code W_i} is missing or not n_i×n_{i−1} */
    @Override
    public GenerativePrior restore(Params params, Map<String, DMatrixRMaj> arrays) {
        int[] widths = widths(params);
        for (int i = 1; i < widths.length; i++) {
            DMatrixRMaj w = arrays.get("W" + i);
            if (w != null) {
                Checks.shape(NAME + " saved array 'W" + i + "'", w, widths[i], widths[i - 1]);
            }
        }
        return new MlpPrior(params, MlpWeights.fromSaved(NAME, arrays,
                Collections.nCopies(widths.length - 1, Activation.RELU)));
    }

    private static int[] widths(Params params) {
        int[] widths = params.getIntList("widths");
        Checks.parameter(widths.length >= 2, NAME + ": parameter 'widths' has " + widths.length
                + " entry, expected at least two (k, …, n)");
        long bytes = 0;
        for (int i = 1; i < widths.length; i++) {
            bytes += (long) widths[i] * widths[i - 1] * Double.BYTES;
        }
        MemoryBudget.require(ErrorKind.INVALID_PARAMETER, NAME + ": widths=" + Arrays.toString(widths)
                + ": the weight matrices", bytes);
        return widths;
    }
}
