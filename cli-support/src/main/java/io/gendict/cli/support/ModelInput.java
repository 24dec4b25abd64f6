package io.gendict.cli.support;

import io.gendict.core.kernel.Kernels;
import io.gendict.core.model.Methods;
import io.gendict.core.model.ModelStore;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --model DIR}: the model folder the coding commands use, loaded and verified with
 * {@link ModelStore}, and its learner rebuilt for coding ({@link Methods#forInference}).
 *
 * @since 0.1
 */
public final class ModelInput {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model folder written by gendict learn.")
    Path dir;

    private ModelStore.Loaded loaded;
    private DictionaryLearner learner;

    /** @return the verified model and its checksum */
    public ModelStore.Loaded loaded(PluginsOption plugins) {
        if (loaded == null) {
            loaded = ModelStore.load(dir, plugins.registry());
        }
        return loaded;
    }

    /** @return the model's learner, its dictionary as saved */
    public DictionaryLearner learner(PluginsOption plugins, int threads) {
        if (learner == null) {
            learner = Methods.forInference(loaded(plugins).model(), plugins.registry(), threads);
        }
        return learner;
    }

    /** @return the data dimension m of the model */
    public int dimension(PluginsOption plugins) {
        return loaded(plugins).model().dictionary().numRows;
    }

    /**
     * Reconstructs samples from codes: Ŷ = X̂·Aᵀ with X̂ the codes' coefficients.
     *
     * @param learner a model's learner
     * @param codes the codes. Not modified.
     * @return B×m reconstructions
     */
    public static DMatrixRMaj reconstruct(DictionaryLearner learner, Codes codes) {
        DMatrixRMaj a = learner.dictionary();
        DMatrixRMaj x = new DMatrixRMaj(codes.values().numRows, a.numCols);
        learner.coefficients(codes, x);
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, a.numRows);
        Kernels.get().gemm(false, true, 1, x, a, 0, y);
        return y;
    }
}
