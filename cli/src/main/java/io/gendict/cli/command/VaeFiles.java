package io.gendict.cli.command;

import io.gendict.core.error.Checks;
import io.gendict.core.io.AtomicFiles;
import io.gendict.core.io.Idx;
import io.gendict.core.io.Npz;
import io.gendict.priors.vae.EpochListener;
import io.gendict.priors.vae.VaeConfig;
import io.gendict.priors.vae.VaeModel;
import io.gendict.priors.vae.VaeTrainer;
import org.ejml.data.DMatrixRMaj;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Trains the MLP VAE of docs/algorithms.md §8 on IDX images with a progress bar and an ELBO line per
 * epoch, and saves it as {@code NAME.npz} (every layer, PyTorch keys and layout) plus
 * {@code NAME.json} (the decoder's layers for the {@code mlp} prior), so that
 * {@code mlp:path=NAME.npz,json=NAME.json,layers=1,head=1,encoder=fc1+fc21} is the coefficient prior G(z) = ReLU(W1·z + b1)
 * with the decoder's output layer as its head and the encoder's mean head as its amortized encoder.
 *
 * @since 0.1
 */
final class VaeFiles {
    /** Where Debian's {@code dataset-fashion-mnist} package puts the IDX files. */
    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    static final Path DEFAULT_TRAIN = FASHION_MNIST.resolve("train-images-idx3-ubyte.gz");
    static final Path DEFAULT_TEST = FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz");

    private VaeFiles() {
    }

    /**
     * @param weights the .npz path
     * @return the JSON layer file beside it
     */
    static Path layerFile(Path weights) {
        String file = weights.getFileName().toString();
        String stem = file.endsWith(".npz") ? file.substring(0, file.length() - 4) : file;
        return weights.resolveSibling(stem + ".json");
    }

    /**
     * @param weights a saved VAE
     * @return the spec of its sliced decoder as a coefficient prior
     */
    static String priorSpec(Path weights) {
        return "mlp:path=" + weights + ",json=" + layerFile(weights) + ",layers=1,head=1,encoder=fc1+fc21";
    }

    /**
     * @param images     N×784 images in [0, 1]
     * @param test       test images for the per-epoch test ELBO, or {@code null}
     * @param config     architecture and optimiser settings
     * @param weights    the .npz to write (and its .json beside it)
     * @param log        where the ELBO lines go
     * @return the trained model
     */
    static VaeModel trainAndSave(DMatrixRMaj images, DMatrixRMaj test, VaeConfig config, Path weights, PrintWriter log) {
        long perEpoch = (images.numRows + config.batchSize() - 1) / config.batchSize();
        VaeModel model;
        try (Progress progress = Progress.start("train-vae", perEpoch * config.epochs())) {
            model = new VaeTrainer().train(images, config, new EpochListener() {
                @Override
                public void epochDone(int epoch, double meanLoss, VaeModel snapshot) {
                    String testPart = test == null ? "" : String.format(Locale.ROOT, ", test -ELBO %.2f",
                            snapshot.evaluate(test));
                    log.printf(Locale.ROOT, "epoch %d: train -ELBO %.2f%s (nats per image)%n", epoch, meanLoss, testPart);
                    log.flush();
                }

                @Override
                public void batchDone(int epoch, int batch, int batches) {
                    progress.stepTo((long) (epoch - 1) * batches + batch);
                }
            });
        }
        Npz.write(weights, model.weights(), true);
        byte[] json = model.decoderLayerJson().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(layerFile(weights), o -> o.write(json));
        return model;
    }

    /**
     * @param file  an IDX image file
     * @param limit at most this many images
     * @return N×(rows·cols) images scaled to [0, 1]
     */
    static DMatrixRMaj images(Path file, int limit) {
        Checks.parameter(limit >= 1, "image limit is " + limit + ", expected >= 1");
        return Idx.readImages(file, limit, false);
    }
}
