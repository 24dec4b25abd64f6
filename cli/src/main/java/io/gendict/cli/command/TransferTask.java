package io.gendict.cli.command;

import io.gendict.core.data.image.ImageTransform;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.eval.ReconstructionError;
import io.gendict.core.experiment.ExperimentRunner;
import io.gendict.core.experiment.ExperimentSettings;
import io.gendict.core.experiment.ImageOverlap;
import io.gendict.core.experiment.ImageTrials;
import io.gendict.core.experiment.TestBatch;
import io.gendict.core.experiment.TrialData;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.Registry;
import io.gendict.priors.vae.VaeConfig;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The transfer task (paper figure 2, docs/algorithms.md §3): a VAE trained on the large image set (or
 * loaded), its decoder sliced to G(z) = ReLU(W1·z + b1), and trials on transformed, noisy images
 * from a disjoint set; also collects the reconstructions of the first test images for the grid.
 *
 * @since 0.1
 */
final class TransferTask {
    static final String NAME = "transfer";
    private static final int GRID_SAMPLES = 8;

    /** Options of the transfer task. */
    static final class TransferOptions {
        @Option(names = "--images", paramLabel = "FILE",
                description = "IDX images the VAE is trained on (default: Fashion-MNIST training images); "
                        + "requires --test-images.")
        Path images;

        @Option(names = "--test-images", paramLabel = "FILE",
                description = "IDX images the dictionary is learned and tested on (default: Fashion-MNIST test images).")
        Path testImages;

        @Option(names = "--allow-overlap",
                description = "Run even when test images also occur among the VAE's training images.")
        boolean allowOverlap;

        @Option(names = "--vae", paramLabel = "FILE.npz",
                description = "A VAE saved by train-vae (with its .json beside it); trained when absent.")
        Path vae;

        @Option(names = "--vae-epochs", paramLabel = "E", defaultValue = "10",
                description = "Epochs when the VAE is trained here (default: ${DEFAULT-VALUE}).")
        int vaeEpochs;

        @Option(names = "--vae-train-images", paramLabel = "N", defaultValue = "60000",
                description = "Images the VAE is trained on (default: ${DEFAULT-VALUE}).")
        int vaeTrainImages;

        @Option(names = "--transform", paramLabel = "T", defaultValue = "blur",
                description = "blur, colorshift, invert, flip or vflip (default: ${DEFAULT-VALUE}).")
        String transform;
    }

    private final TransferOptions options;
    private final double sigma;
    private final Registry registry;
    private final PrintWriter log;
    private final ImageTransform transform;

    /**
     * @throws GendictException INVALID_PARAMETER when {@code --images} is given without {@code --test-images}
     */
    TransferTask(TransferOptions options, Double sigma, Registry registry, PrintWriter log) {
        if (options.images != null && options.testImages == null) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, "--images " + options.images
                    + " needs --test-images: name the images to learn and test on, disjoint from the VAE's");
        }
        this.options = options;
        this.sigma = sigma == null ? 0.05 : sigma;
        this.registry = registry;
        this.log = log;
        this.transform = ImageTransform.parse(options.transform);
    }

    /**
     * Loads or trains the VAE (saving it into {@code dir}) and reads the images the trials need.
     *
     * @param settings   the protocol's settings
     * @param dir        the output folder
     * @param provenance receives the data's description and the input files
     * @return the trials
     */
    ImageTrials trials(ExperimentSettings settings, Path dir, ExperimentProvenance provenance) {
        Path trainFile = options.images != null ? options.images : VaeFiles.DEFAULT_TRAIN;
        Path testFile = options.testImages != null ? options.testImages : VaeFiles.DEFAULT_TEST;
        int needed = settings.testBatches() * settings.testBatchSize() + settings.batches() * settings.batchSize();
        DMatrixRMaj images = VaeFiles.images(testFile, needed);
        DMatrixRMaj vaeImages = options.vae == null || options.images != null
                ? VaeFiles.images(trainFile, options.vaeTrainImages) : null;
        provenance.note("test_images_in_vae_training_set", vaeImages == null
                ? "not checked: --vae given without the --images it was trained on" : overlap(vaeImages, images, testFile, trainFile));
        Path weights = options.vae;
        if (weights == null) {
            weights = dir.resolve("vae.npz");
            log.println("training the VAE on " + trainFile + " (" + options.vaeEpochs + " epochs); "
                    + "pass --vae " + weights + " next time to reuse it");
            log.flush();
            VaeConfig config = VaeConfig.builder().inputDim(vaeImages.numCols).epochs(options.vaeEpochs)
                    .seed(settings.seed()).threads(settings.threads()).build();
            VaeFiles.trainAndSave(vaeImages, null, config, weights, log);
        } else if (!Files.isRegularFile(VaeFiles.layerFile(weights))) {
            throw new GendictException(ErrorKind.IO,
                    weights + ": its layer file " + VaeFiles.layerFile(weights) + " is missing");
        }
        String priorSpec = VaeFiles.priorSpec(weights);
        GenerativePrior prior = registry.prior(priorSpec);
        provenance.data(priorSpec, prior, images.numCols, sigma, options.transform, false)
                .file("vae_weights", weights).file("vae_layers", VaeFiles.layerFile(weights))
                .file("images", testFile);
        if (vaeImages != null) {
            provenance.file("vae_training_images", trainFile);
        }
        return new ImageTrials(images, transform, sigma, prior);
    }

    /**
     * @return the number of test images that are also VAE training images (0 unless --allow-overlap)
     * @throws GendictException INVALID_INPUT when there are some and --allow-overlap is not given
     */
    private int overlap(DMatrixRMaj vaeImages, DMatrixRMaj images, Path testFile, Path trainFile) {
        int shared = ImageOverlap.count(vaeImages, images);
        if (shared > 0 && !options.allowOverlap) {
            throw new GendictException(ErrorKind.INVALID_INPUT, testFile + ": " + shared + " of the " + images.numRows
                    + " images used are also among the VAE's training images in " + trainFile
                    + "; use disjoint images or pass --allow-overlap");
        }
        return shared;
    }

    /**
     * Records the reconstructions A·x̂ of the first test images by a trained method (codes
     * quantized as in the metric); the clean and noisy images are added once.
     */
    void collect(Map<String, DMatrixRMaj> grid, String method, DictionaryLearner learner, TrialData data,
                 ExperimentSettings settings) {
        TestBatch first = data.testBatches().get(0);
        int rows = Math.min(GRID_SAMPLES, first.noisy().numRows);
        DMatrixRMaj noisy = CommonOps_DDRM.extract(first.noisy(), 0, rows, 0, first.noisy().numCols);
        grid.putIfAbsent("clean", CommonOps_DDRM.extract(first.clean(), 0, rows, 0, first.clean().numCols));
        DMatrixRMaj recon = ReconstructionError.reconstruct(learner.dictionary(),
                ExperimentRunner.storedCoefficients(learner, noisy, settings.quantizer()));
        grid.put(method, recon);
        grid.put("noisy", noisy);
    }

    /**
     * @param grid what {@link #collect} gathered
     * @return the columns in the paper's order: clean, each method, noisy
     */
    static Map<String, DMatrixRMaj> columns(Map<String, DMatrixRMaj> grid) {
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        out.put("clean", grid.get("clean"));
        grid.forEach((k, v) -> {
            if (!k.equals("clean") && !k.equals("noisy")) {
                out.put(k, v);
            }
        });
        out.put("noisy", grid.get("noisy"));
        return out;
    }
}
