package io.gendict.core.experiment;

import io.gendict.core.eval.Quantizer;
import io.gendict.core.eval.ReconstructionError;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ReferenceLine}s of one trial, per test sample, on the trial's test batches: the noisy
 * input always; with a ground-truth A* (synthetic data) also A* with the {@code fast} method's
 * decoder (a {@code fast} learner created with A* as its dictionary and never trained, so it decodes
 * with the oracle {@code fast} picks for this prior; codes quantized) and A* with the true latents z*
 * quantized, x̂ = G(round(z*)).
 */
final class TrialReferences {
    /** The method whose decoder the A* reference line uses (a provider of the {@code methods} module). */
    private static final String DECODER = "fast";

    private TrialReferences() {
    }

    /**
     * @param trial    0-based trial
     * @param data     the trial's data. Not modified.
     * @param methods  creates the {@code fast} decoder
     * @param seed     the decoder's seed (the trial's learner seed)
     * @param settings supplies the quantizer and threads
     * @return one entry per reference line that this data supports, in {@link ReferenceLine} order
     */
    static List<SampleErrors> of(int trial, TrialData data, MethodFactory methods, long seed, ExperimentSettings settings) {
        List<TestBatch> tests = data.testBatches();
        List<SampleErrors> out = new ArrayList<>();
        List<double[]> noisy = new ArrayList<>();
        for (TestBatch t : tests) {
            noisy.add(ReconstructionError.rowDistances(t.noisy(), t.clean()));
        }
        out.add(new SampleErrors(ReferenceLine.NOISY_INPUT.key(), trial, concat(noisy)));
        Optional<DMatrixRMaj> truth = data.trueDictionary();
        if (truth.isEmpty()) {
            return out;
        }
        DMatrixRMaj a = truth.get();
        DictionaryLearner decoder = methods.create(DECODER,
                new LearnerContext(data.dimension(), data.prior(), a, seed, settings.threads()));
        out.add(new SampleErrors(ReferenceLine.TRUE_DICTIONARY.key(), trial,
                ExperimentRunner.sampleErrors(decoder, tests, settings.quantizer())));
        if (tests.stream().allMatch(t -> t.latents() != null)) {
            out.add(new SampleErrors(ReferenceLine.TRUE_LATENTS.key(), trial,
                    trueLatentErrors(a, data.prior(), tests, settings.quantizer())));
        }
        return out;
    }

    private static double[] trueLatentErrors(DMatrixRMaj a, GenerativePrior prior, List<TestBatch> tests, Quantizer q) {
        List<double[]> parts = new ArrayList<>();
        for (TestBatch t : tests) {
            DMatrixRMaj z = t.latents().copy();
            q.quantize(z);
            DMatrixRMaj x = new DMatrixRMaj(z.numRows, prior.outputDim());
            prior.forward(z, x);
            parts.add(ReconstructionError.rowDistances(ReconstructionError.reconstruct(a, x), t.clean()));
        }
        return concat(parts);
    }

    /** @return the arrays one after another */
    static double[] concat(List<double[]> parts) {
        double[] out = new double[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
