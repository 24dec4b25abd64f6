package io.gendict.cli.command;

import io.gendict.cli.plot.ImageTiles;
import io.gendict.cli.plot.RateDistortionPlot;
import io.gendict.cli.plot.ReconstructionGrid;
import io.gendict.core.io.DataFiles;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.error.MemoryBudget;
import io.gendict.core.experiment.ExperimentSettings;
import io.gendict.core.experiment.ImageOverlap;
import io.gendict.core.experiment.MethodCatalog;
import io.gendict.core.experiment.rd.RateDistortionResult;
import io.gendict.core.experiment.rd.RateDistortionRun;
import io.gendict.core.io.AtomicFiles;
import io.gendict.core.io.MappedNpy;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.Registry;
import io.gendict.priors.vae.VaeConfig;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code gendict experiment rate-distortion}: every codec's file size against its distortion on
 * test images — the learned codecs (a generative method on the VAE prior, sparse baselines, pca)
 * at each bit depth, JPEG at each quality and PNG — written as {@code results.csv},
 * {@code summary.json}, {@code rd.png} and {@code reconstructions.png}. Dictionaries and the VAE
 * see only the training images.
 *
 * @since 0.1
 */
final class RateDistortionTask {
    static final String NAME = "rate-distortion";
    /** Methods when {@code --methods} is not given. */
    static final List<String> DEFAULT_METHODS = List.of("amortized", "ksvd:sparsity=5", "mod:sparsity=5", "pca");
    /** PSNRs whose needed bits per image the table and summary report. */
    static final List<Double> TARGETS = List.of(20.0, 25.0);
    /** Sizes below which the summary checks where the generative codec is best. */
    static final double GOAL_BITS = 200;
    private static final double[] GRID_RATES = {50, 100, 200};

    /** Options of the rate-distortion experiment. */
    static final class Options {
        @Option(names = "--bit-depths", paramLabel = "b,b,…", split = ",",
                description = "Rate-distortion: bits per code value of the learned codecs (default: 1 to 10).")
        List<Integer> bitDepths = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

        @Option(names = "--jpeg-qualities", paramLabel = "q,q,…", split = ",",
                description = "Rate-distortion: JPEG qualities (default: 5, 10, 20, …, 90, 95).")
        List<Integer> jpegQualities = List.of(5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95);
    }

    private final TransferTask.TransferOptions images;
    private final Options options;
    private final Registry registry;
    private final PrintWriter log;

    /**
     * @throws GendictException INVALID_PARAMETER when {@code --images} is given without {@code --test-images},
     *                          or for a bit depth or JPEG quality out of range
     */
    RateDistortionTask(TransferTask.TransferOptions images, Options options, Registry registry, PrintWriter log) {
        RateDistortionRun.checkSettings(options.bitDepths, options.jpegQualities);
        if (images.images != null && images.testImages == null) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, "--images " + images.images
                    + " needs --test-images: name the images to test on, disjoint from the training images");
        }
        this.images = images;
        this.options = options;
        this.registry = registry;
        this.log = log;
    }

    /**
     * Reads the images, loads or trains the VAE, runs every codec and writes the files.
     *
     * @param settings   trials, training batches, test images, methods, seed, threads
     * @param dir        the output folder (exists)
     * @param catalog    resolves the methods
     * @param provenance receives the data's description and input files
     * @param stdout     where the table goes
     */
    void run(ExperimentSettings settings, Path dir, MethodCatalog catalog, ExperimentProvenance provenance,
             PrintWriter stdout) {
        Path trainFile = images.images != null ? images.images : VaeFiles.DEFAULT_TRAIN;
        Path testFile = images.testImages != null ? images.testImages : VaeFiles.DEFAULT_TEST;
        DMatrixRMaj train = read(trainFile, "--images", images.vaeTrainImages);
        DMatrixRMaj test = read(testFile, "--test-images", Integer.MAX_VALUE);
        if (train.numCols != test.numCols) {
            throw new GendictException(ErrorKind.INVALID_INPUT, testFile + ": images of " + test.numCols
                    + " pixels, the training images have " + train.numCols);
        }
        int shared = ImageOverlap.count(train, test);
        if (shared > 0 && !images.allowOverlap) {
            throw new GendictException(ErrorKind.INVALID_INPUT, testFile + ": " + shared + " of its " + test.numRows
                    + " images also occur among the training images in " + trainFile
                    + "; use disjoint images or pass --allow-overlap");
        }
        Path weights = vae(train, dir, settings);
        String priorSpec = VaeFiles.priorSpec(weights);
        GenerativePrior prior = registry.prior(priorSpec);
        provenance.data(priorSpec, prior, train.numCols, 0, null, false)
                .file("vae_weights", weights).file("vae_layers", VaeFiles.layerFile(weights))
                .file("training_images", trainFile).file("test_images", testFile)
                .note("test_images_in_training_set", shared)
                .note("quantizer", "learned codecs: bits:b for b in " + options.bitDepths
                        + ", arithmetic-coded container (version 2)")
                .note("jpeg_qualities", options.jpegQualities)
                .note("training_images_per_trial", settings.batches() * settings.batchSize())
                .note("test_images_per_trial", settings.testBatches() * settings.testBatchSize());
        RateDistortionRun.Result run;
        RateDistortionRun runner = new RateDistortionRun(catalog, prior, options.bitDepths, options.jpegQualities);
        try (Progress progress = Progress.start("experiment " + NAME, runner.steps(settings))) {
            run = runner.run(train, test, settings, (done, total) -> progress.stepTo(done));
        }
        Set<String> generative = settings.methods().stream()
                .filter(catalog::generative)
                .collect(Collectors.toSet());
        RateDistortionResult result = new RateDistortionResult(run.points(), generative);
        stdout.print(result.toTable(TARGETS));
        stdout.flush();
        write(dir.resolve("results.csv"), result.toCsv().getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("summary.json"), result.toSummaryJson(provenance.toMap(settings, catalog), TARGETS, GOAL_BITS)
                .getBytes(StandardCharsets.UTF_8));
        try {
            write(dir.resolve("rd.png"), RateDistortionPlot.render(result, generative, settings.trials()));
            write(dir.resolve("reconstructions.png"), ReconstructionGrid.render(grid(run, result)));
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, dir + ": cannot render a plot: " + e.getMessage(), e);
        }
        stdout.println("wrote results.csv, summary.json, rd.png, reconstructions.png to " + dir);
        stdout.flush();
    }

    private Path vae(DMatrixRMaj train, Path dir, ExperimentSettings settings) {
        if (images.vae != null) {
            if (!Files.isRegularFile(VaeFiles.layerFile(images.vae))) {
                throw new GendictException(ErrorKind.IO,
                        images.vae + ": its layer file " + VaeFiles.layerFile(images.vae) + " is missing");
            }
            return images.vae;
        }
        Path weights = dir.resolve("vae.npz");
        log.println("training the VAE on " + train.numRows + " training images (" + images.vaeEpochs
                + " epochs); pass --vae " + weights + " next time to reuse it");
        log.flush();
        VaeConfig config = VaeConfig.builder().inputDim(train.numCols).epochs(images.vaeEpochs)
                .seed(settings.seed()).threads(settings.threads()).build();
        VaeFiles.trainAndSave(train, null, config, weights, log);
        return weights;
    }

    /**
     * @return IDX or .npy images (the first {@code limit}), checked to be square with pixel values in [0, 1]
     */
    private static DMatrixRMaj read(Path file, String option, int limit) {
        DataFiles.requireReadable(file, option);
        DMatrixRMaj all;
        if (file.getFileName().toString().endsWith(".npy")) {
            MappedNpy npy = DataFiles.open(file, option);
            int rows = Math.min(limit, npy.rows());
            MemoryBudget.require(ErrorKind.INVALID_INPUT, option + " " + file + ": " + rows + "×" + npy.cols()
                    + " float64", MemoryBudget.product(rows, npy.cols(), Double.BYTES));
            all = new DMatrixRMaj(rows, npy.cols());
            npy.readRange(0, rows, all);
        } else {
            all = VaeFiles.images(file, limit);
        }
        ImageTiles.requireSquare(all.numCols, option + " " + file);
        for (int i = 0; i < all.numRows * all.numCols; i++) {
            if (!(all.data[i] >= 0 && all.data[i] <= 1)) {
                throw new GendictException(ErrorKind.INVALID_INPUT, option + " " + file + ": pixel " + i % all.numCols
                        + " of image " + i / all.numCols + " is " + all.data[i] + ", expected a value in [0, 1]");
            }
        }
        return all;
    }

    /**
     * @return the grid's columns: the originals, then per lossy codec its settings nearest (in log size) to
     *         50, 100 and 200 bits per image, each titled with its short name and size
     */
    private static Map<String, DMatrixRMaj> grid(RateDistortionRun.Result run, RateDistortionResult result) {
        Map<String, DMatrixRMaj> columns = new LinkedHashMap<>();
        columns.put("original", run.originals());
        for (RateDistortionResult.Curve c : result.curves()) {
            String shortName = c.codec().contains(":") ? c.codec().substring(0, c.codec().indexOf(':')) : c.codec();
            for (double rate : GRID_RATES) {
                RateDistortionResult.CurvePoint nearest = null;
                for (RateDistortionResult.CurvePoint p : c.points()) {
                    if (Double.isFinite(p.psnr()) && (nearest == null || Math.abs(Math.log(p.bitsPerImage() / rate))
                            < Math.abs(Math.log(nearest.bitsPerImage() / rate)))) {
                        nearest = p;
                    }
                }
                if (nearest != null) {
                    columns.put(String.format(Locale.ROOT, "%s %.0fb", shortName, nearest.bitsPerImage()),
                            run.decoded().get(c.codec()).get(nearest.setting()));
                }
            }
        }
        return columns;
    }

    private static void write(Path file, byte[] bytes) {
        AtomicFiles.write(file, o -> o.write(bytes));
    }
}
