package io.gendict.cli.command;

import io.gendict.cli.option.SeedOption;
import io.gendict.cli.option.ThreadsOption;
import io.gendict.priors.vae.VaeConfig;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code gendict train-vae}: trains the classic MLP VAE (docs/algorithms.md §8) on IDX images and saves
 * it for the {@code mlp} prior; prints the negative ELBO per epoch on the training and test images.
 *
 * @since 0.1
 */
@Command(name = "train-vae",
        description = "Train the MLP VAE (784 → hidden → 2×latent; latent → hidden → 784, sigmoid, Bernoulli) on IDX "
                + "images and save it as FILE.npz + FILE.json; mlp:path=FILE.npz,json=FILE.json,layers=1 is then "
                + "the coefficient prior ReLU(W1·z + b1).")
public final class TrainVaeCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private SeedOption seed;

    @Mixin
    private ThreadsOption threads;

    @Option(names = "--images", paramLabel = "FILE", description = "IDX training images (default: Fashion-MNIST).")
    private Path images = VaeFiles.DEFAULT_TRAIN;

    @Option(names = "--test-images", paramLabel = "FILE", description = "IDX test images (default: Fashion-MNIST).")
    private Path testImages = VaeFiles.DEFAULT_TEST;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "60000",
            description = "Use at most N training images (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--hidden", paramLabel = "H", defaultValue = "400", description = "Hidden width (default: ${DEFAULT-VALUE}).")
    private int hidden;

    @Option(names = "--latent", paramLabel = "K", defaultValue = "20", description = "Latent dimension (default: ${DEFAULT-VALUE}).")
    private int latent;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "128",
            description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "1e-3", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--out", paramLabel = "FILE.npz", required = true, description = "Where to save the weights.")
    private Path out;

    @Override
    public void run() {
        DMatrixRMaj train = VaeFiles.images(images, limit);
        VaeConfig config = VaeConfig.builder().inputDim(train.numCols).hidden(hidden).latent(latent).batchSize(batchSize)
                .learningRate(learningRate).epochs(epochs).seed(seed.seed()).threads(threads.threads()).build();
        PrintWriter log = spec.commandLine().getOut();
        VaeFiles.trainAndSave(train, VaeFiles.images(testImages, 10_000),
                config, out, log);
        log.printf(Locale.ROOT, "saved %s and %s; coefficient prior: %s%n", out, VaeFiles.layerFile(out),
                VaeFiles.priorSpec(out));
        log.flush();
    }
}
