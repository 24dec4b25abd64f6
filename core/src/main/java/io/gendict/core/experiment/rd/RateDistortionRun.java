package io.gendict.core.experiment.rd;

import io.gendict.core.data.EpochOrder;
import io.gendict.core.error.Checks;
import io.gendict.core.eval.ReconstructionError;
import io.gendict.core.experiment.ExperimentRunner;
import io.gendict.core.experiment.ExperimentSettings;
import io.gendict.core.experiment.MethodFactory;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rate-distortion protocol: per trial, {@code batches × batchSize} training images and
 * {@code testBatches × testBatchSize} test images are drawn from their pools by the trial's data
 * seed; every method learns its dictionary from the training batches (its own initialisation),
 * becomes a {@link LearnedCodec}, and each codec (the learned ones, then JPEG and PNG) writes and
 * decodes the test images at each of its settings. Trial 0 also keeps the first
 * {@value #GRID_IMAGES} decoded images of every operating point for the picture grid.
 *
 * @since 0.1
 */
public final class RateDistortionRun {
    /** Test images kept per operating point for the grid. */
    public static final int GRID_IMAGES = 8;

    /** Told about progress: one step per method trained and per operating point measured. */
    public interface Listener {
        /**
         * @param done  steps done
         * @param total steps in all
         */
        void onStep(long done, long total);
    }

    /**
     * @param points    every operating point, by trial, codec, setting
     * @param originals the first test images of trial 0
     * @param decoded   codec → setting → their decoded versions
     */
    public record Result(List<RatePoint> points, DMatrixRMaj originals, Map<String, Map<String, DMatrixRMaj>> decoded) {
    }

    private final MethodFactory methods;
    private final GenerativePrior prior;
    private final List<Integer> bitDepths;
    private final List<Integer> jpegQualities;

    /**
     * @param methods       creates each method's learner
     * @param prior         the generative prior of the generative methods (and the default n, k of baselines)
     * @param bitDepths     the learned codecs' bits per code value
     * @param jpegQualities the JPEG qualities
     */
    public RateDistortionRun(MethodFactory methods, GenerativePrior prior, List<Integer> bitDepths,
                             List<Integer> jpegQualities) {
        checkSettings(bitDepths, jpegQualities);
        this.methods = methods;
        this.prior = prior;
        this.bitDepths = List.copyOf(bitDepths);
        this.jpegQualities = List.copyOf(jpegQualities);
    }

    /**
     * Checks the codecs' settings, so that a run can refuse them before any work.
     *
     * @param bitDepths     the learned codecs' bits per code value: at least one, each 1..32
     * @param jpegQualities the JPEG qualities: each 1..100
     * @throws io.gendict.core.error.GendictException INVALID_PARAMETER naming the option and the value
     */
    public static void checkSettings(List<Integer> bitDepths, List<Integer> jpegQualities) {
        Checks.parameter(!bitDepths.isEmpty(), "--bit-depths: expected at least one");
        for (int b : bitDepths) {
            Checks.parameter(b >= 1 && b <= 32, "--bit-depths: " + b + " is not in 1..32");
        }
        for (int q : jpegQualities) {
            Checks.parameter(q >= 1 && q <= 100, "--jpeg-qualities: " + q + " is not in 1..100");
        }
    }

    /**
     * @param settings the run's settings
     * @return the steps {@link #run} reports: per trial one per method trained and one per operating point
     */
    public long steps(ExperimentSettings settings) {
        return settings.trials() * (settings.methods().size() * (1L + bitDepths.size()) + jpegQualities.size() + 1);
    }

    /**
     * @param train    N×m training images in [0, 1] (the pool). Not modified.
     * @param test     N'×m test images in [0, 1], disjoint from the training images. Not modified.
     * @param settings trials, batches, test set size, seed and threads; {@code methods} are learned codecs
     * @param listener told after each step
     * @return every operating point and the grid's images
     */
    public Result run(DMatrixRMaj train, DMatrixRMaj test, ExperimentSettings settings, Listener listener) {
        int trainCount = settings.batches() * settings.batchSize();
        int testCount = settings.testBatches() * settings.testBatchSize();
        Checks.parameter(trainCount <= train.numRows, "rate-distortion: " + trainCount + " training images needed ("
                + settings.batches() + " batches of " + settings.batchSize() + "), only " + train.numRows + " available");
        Checks.parameter(testCount <= test.numRows, "rate-distortion: " + testCount + " test images needed, only "
                + test.numRows + " available");
        JpegCodec jpeg = new JpegCodec(jpegQualities);
        long total = steps(settings);
        long done = 0;
        List<RatePoint> points = new ArrayList<>();
        DMatrixRMaj originals = null;
        Map<String, Map<String, DMatrixRMaj>> decoded = new LinkedHashMap<>();
        List<ExperimentRunner.TrialSeed> seeds = ExperimentRunner.seeds(settings);
        for (int trial = 0; trial < settings.trials(); trial++) {
            long dataSeed = seeds.get(trial).data();
            DMatrixRMaj trialTrain = sample(train, trainCount, dataSeed, 0);
            DMatrixRMaj trialTest = sample(test, testCount, dataSeed, 1);
            List<ImageCodec> codecs = new ArrayList<>();
            for (String method : settings.methods()) {
                DictionaryLearner learner = methods.create(method, new LearnerContext(train.numCols, prior, null,
                        seeds.get(trial).learner(), settings.threads()));
                for (int b = 0; b < settings.batches(); b++) {
                    learner.fit(rows(trialTrain, b * settings.batchSize(), settings.batchSize()));
                }
                codecs.add(new LearnedCodec(method, learner, bitDepths));
                listener.onStep(++done, total);
            }
            codecs.add(jpeg);
            codecs.add(new PngCodec());
            if (trial == 0) {
                originals = rows(trialTest, 0, Math.min(GRID_IMAGES, testCount));
            }
            for (ImageCodec codec : codecs) {
                for (String setting : codec.settings()) {
                    Encoded e = codec.encode(trialTest, setting);
                    points.add(new RatePoint(codec.name(), setting, trial, testCount, e.bytes(), e.headerBytes(),
                            e.fileBytes(), psnr(trialTest, e.reconstructions()),
                            ReconstructionError.meanRowDistance(e.reconstructions(), trialTest)));
                    if (trial == 0) {
                        decoded.computeIfAbsent(codec.name(), k -> new LinkedHashMap<>())
                                .put(setting, rows(e.reconstructions(), 0, originals.numRows));
                    }
                    listener.onStep(++done, total);
                }
            }
        }
        return new Result(points, originals, decoded);
    }

    /**
     * @param original  images. Not modified.
     * @param decoded   their reconstructions. Not modified.
     * @return 10·log10(1/MSE) in dB over all pixels (peak 1); +∞ when they are equal
     */
    public static double psnr(DMatrixRMaj original, DMatrixRMaj decoded) {
        double sum = 0;
        int count = original.numRows * original.numCols;
        for (int i = 0; i < count; i++) {
            double d = original.data[i] - decoded.data[i];
            sum += d * d;
        }
        return sum == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(count / sum);
    }

    /** @return {@code count} distinct rows of {@code pool} in an order drawn from the seed and stream */
    private static DMatrixRMaj sample(DMatrixRMaj pool, int count, long seed, long stream) {
        int[] order = new int[pool.numRows];
        EpochOrder.permutation(seed, stream, order);
        DMatrixRMaj out = new DMatrixRMaj(count, pool.numCols);
        for (int i = 0; i < count; i++) {
            System.arraycopy(pool.data, order[i] * pool.numCols, out.data, i * pool.numCols, pool.numCols);
        }
        return out;
    }

    private static DMatrixRMaj rows(DMatrixRMaj m, int from, int count) {
        DMatrixRMaj out = new DMatrixRMaj(count, m.numCols);
        System.arraycopy(m.data, from * m.numCols, out.data, 0, count * m.numCols);
        return out;
    }
}
