package io.gendict.core.experiment;

import io.gendict.core.eval.Quantizer;
import io.gendict.core.eval.ReconstructionError;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs the evaluation protocol of docs/algorithms.md §3: for each trial and each method, feed fresh
 * training batches to a new learner started from the trial's A0, and after every batch code the
 * test set, quantize the codes, reconstruct and measure the mean error against the clean signals.
 * Every method of a trial sees the same batches (its data is recreated from the trial's seed). Each
 * trial also measures the {@link ReferenceLine}s its data supports on the same test batches.
 *
 * @since 0.1
 */
public final class ExperimentRunner {
    private final TrialDataFactory data;
    private final MethodFactory methods;

    /**
     * @param data    creates each trial's data
     * @param methods creates each method's learner
     */
    public ExperimentRunner(TrialDataFactory data, MethodFactory methods) {
        this.data = data;
        this.methods = methods;
    }

    /**
     * @param settings the protocol's settings
     * @param listener told after each step
     * @return every row, ordered by trial, method, batch
     */
    public ExperimentResult run(ExperimentSettings settings, ExperimentListener listener) {
        List<TrialSeed> seeds = seeds(settings);
        long total = (long) settings.trials() * settings.methods().size() * settings.batches();
        long done = 0;
        List<ResultRow> rows = new ArrayList<>();
        List<SampleErrors> finals = new ArrayList<>();
        List<SampleErrors> references = new ArrayList<>();
        for (int trial = 0; trial < settings.trials(); trial++) {
            long trialSeed = seeds.get(trial).data();
            long learnerSeed = seeds.get(trial).learner();
            List<SampleErrors> mine = TrialReferences.of(trial, data.create(trial, trialSeed, settings), methods,
                    learnerSeed, settings);
            references.addAll(mine);
            double noisy = mine.get(0).mean();
            for (String method : settings.methods()) {
                TrialData trialData = data.create(trial, trialSeed, settings);
                List<TestBatch> tests = trialData.testBatches();
                DictionaryLearner learner = methods.create(method, new LearnerContext(trialData.dimension(),
                        trialData.prior(), trialData.initialDictionary(), learnerSeed, settings.threads()));
                double[] errors = null;
                for (int batch = 0; batch < settings.batches(); batch++) {
                    DMatrixRMaj y = trialData.nextTrainingBatch(settings.batchSize());
                    long start = System.nanoTime();
                    learner.fit(y);
                    double seconds = (System.nanoTime() - start) * 1e-9;
                    errors = sampleErrors(learner, tests, settings.quantizer());
                    ResultRow row = new ResultRow(method, trial, batch, learner.samplesSeen(),
                            new SampleErrors(method, trial, errors).mean(), noisy, seconds);
                    rows.add(row);
                    listener.onStep(++done, total, row);
                }
                finals.add(new SampleErrors(method, trial, errors));
                listener.afterMethod(trial, method, learner, trialData);
            }
        }
        return new ExperimentResult(settings, rows, finals, references);
    }

    /**
     * The seeds of one trial, both drawn from the root seed.
     *
     * @param data    creates the trial's data (A*, A0, batches, test set)
     * @param learner seeds every learner of the trial (and the reference decoder)
     */
    public record TrialSeed(long data, long learner) {
    }

    /**
     * @param settings supplies the root seed and the number of trials
     * @return the seeds of each trial, as {@link #run} uses them
     */
    public static List<TrialSeed> seeds(ExperimentSettings settings) {
        SplittableRandom root = new SplittableRandom(settings.seed());
        List<TrialSeed> out = new ArrayList<>();
        for (int trial = 0; trial < settings.trials(); trial++) {
            out.add(new TrialSeed(root.nextLong(), root.nextLong()));
        }
        return out;
    }

    /**
     * The paper's metric for one learner: mean over test batches of (1/B) Σ ‖A·x̂_i − s_i‖, with
     * x̂ reconstructed from quantized codes.
     *
     * @param learner  a trained learner
     * @param tests    the test batches
     * @param settings supplies the quantizer
     * @return the mean error
     */
    public static double testError(DictionaryLearner learner, List<TestBatch> tests, ExperimentSettings settings) {
        return new SampleErrors(learner.name(), 0, sampleErrors(learner, tests, settings.quantizer())).mean();
    }

    /**
     * The per-sample errors ‖A·x̂_i − s_i‖ behind {@link #testError}, pooled over the test batches.
     *
     * @param learner   a trained learner
     * @param tests     the test batches
     * @param quantizer the precision the codes are stored at
     * @return nB·B errors, in batch order
     */
    public static double[] sampleErrors(DictionaryLearner learner, List<TestBatch> tests, Quantizer quantizer) {
        List<double[]> parts = new ArrayList<>();
        for (TestBatch t : tests) {
            DMatrixRMaj xHat = storedCoefficients(learner, t.noisy(), quantizer);
            parts.add(ReconstructionError.rowDistances(ReconstructionError.reconstruct(learner.dictionary(), xHat),
                    t.clean()));
        }
        return TrialReferences.concat(parts);
    }

    /**
     * What a stored sample decodes to: the codes of y, quantized, mapped back to coefficients x̂.
     *
     * @param learner   a trained learner
     * @param y         B×m samples. Not modified.
     * @param quantizer the precision the codes are stored at
     * @return B×n coefficients x̂
     */
    public static DMatrixRMaj storedCoefficients(DictionaryLearner learner, DMatrixRMaj y, Quantizer quantizer) {
        Codes codes = learner.encode(y);
        quantizer.quantize(codes.values());
        DMatrixRMaj xHat = new DMatrixRMaj(y.numRows, learner.dictionary().numCols);
        learner.coefficients(codes, xHat);
        return xHat;
    }
}
