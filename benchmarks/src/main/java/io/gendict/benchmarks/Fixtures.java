package io.gendict.benchmarks;

import io.gendict.core.data.SyntheticSource;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.experiment.SyntheticPreset;
import io.gendict.core.io.Npz;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What every benchmark's setup shares: the registry users get (the classpath's built-in providers,
 * as {@code gendict} without {@code --plugins} builds it), the paper's synthetic data, seeded random
 * matrices and the small MLP weight file of the {@code mlp} prior.
 */
final class Fixtures {
    /** Root seed of every benchmark's data. */
    static final long SEED = 1L;
    /** Samples per batch: the paper's training batch size (docs/algorithms.md §3). */
    static final int BATCH = 30;
    /** Latent, hidden and output widths of the MLP written by {@link #writeMlp}: the MNIST VAE's decoder. */
    private static final int[] MLP_WIDTHS = {20, 400, 784};

    private Fixtures() {
    }

    /** @return a registry over the built-in providers, resolved by name as on the command line */
    static Registry registry() {
        return PluginRegistry.of(new PluginLoader().load(null));
    }

    /**
     * @param preset the paper's synthetic experiment, {@code group-sparsity} or {@code dependencies}
     * @return its data source (prior with the preset's spec and seed {@link #SEED}, A*, A0, σ = 0.1)
     */
    static SyntheticSource paperSource(String preset) {
        SyntheticPreset p = SyntheticPreset.named(preset);
        GenerativePrior prior = SyntheticPreset.priorForSeed(registry(), p.prior()).apply(SEED);
        return SyntheticSource.builder(prior, p.m(), SEED).sigma(p.sigma()).build();
    }

    /**
     * @param rows rows
     * @param cols columns
     * @param rng  randomness. Modified.
     * @return a new rows×cols matrix with entries i.i.d. Uniform[-1, 1)
     */
    static DMatrixRMaj random(int rows, int cols, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextDouble(-1.0, 1.0);
        }
        return m;
    }

    /**
     * Creates the {@code mlp} prior from a random 20 → 400 → 784 decoder (PyTorch layout, weights
     * scaled by 1/√fan-in, activations relu then sigmoid) written to a temporary {@code .npz}, which
     * is deleted once the prior has read it.
     *
     * @param registry resolves {@code mlp:path=…,activations=relu,sigmoid}
     * @return the prior
     */
    static GenerativePrior mlpPrior(Registry registry) {
        SplittableRandom rng = new SplittableRandom(SEED);
        Map<String, DMatrixRMaj> layers = new LinkedHashMap<>();
        for (int l = 1; l < MLP_WIDTHS.length; l++) {
            DMatrixRMaj w = random(MLP_WIDTHS[l], MLP_WIDTHS[l - 1], rng);
            CommonOps_DDRM.scale(1 / Math.sqrt(MLP_WIDTHS[l - 1]), w);
            layers.put("fc" + l + ".weight", w);
            layers.put("fc" + l + ".bias", random(1, MLP_WIDTHS[l], rng));
        }
        try {
            Path dir = Files.createTempDirectory("gendict-jmh-");
            Path file = dir.resolve("mlp.npz");
            Npz.write(file, layers, false);
            GenerativePrior prior = registry.prior("mlp:path=" + file + ",activations=relu,sigmoid");
            Files.delete(file);
            Files.delete(dir);
            return prior;
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, "mlp weights in a temporary folder: " + e.getMessage());
        }
    }
}
