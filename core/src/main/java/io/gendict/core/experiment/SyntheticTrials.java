package io.gendict.core.experiment;

import io.gendict.core.data.Batch;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * Trials on synthetic data y = A*·G(z*) + η (docs/algorithms.md §3): per trial a prior (drawn from the
 * trial's seed, so random priors such as group-sparsity get a fresh M per trial), A* and A0 with
 * Uniform[0,1) entries, a stream of fresh training batches, and a test set of fresh samples from
 * the same A* with its own seed, which carries the true latents z* for the ground-truth references.
 *
 * @since 0.1
 */
public final class SyntheticTrials implements TrialDataFactory {
    private final LongFunction<GenerativePrior> priorForSeed;
    private final int m;
    private final double sigma;
    private final boolean normalizeColumns;

    /**
     * @param priorForSeed     creates the trial's prior from a seed
     * @param m                data dimension
     * @param sigma            noise standard deviation σ
     * @param normalizeColumns whether A* and A0 get unit-norm columns (the paper's runs: no)
     */
    public SyntheticTrials(LongFunction<GenerativePrior> priorForSeed, int m, double sigma, boolean normalizeColumns) {
        this.priorForSeed = priorForSeed;
        this.m = m;
        this.sigma = sigma;
        this.normalizeColumns = normalizeColumns;
    }

    @Override
    public TrialData create(int trial, long seed, ExperimentSettings settings) {
        SplittableRandom rng = new SplittableRandom(seed);
        GenerativePrior prior = priorForSeed.apply(rng.nextLong());
        SyntheticSource train = SyntheticSource.builder(prior, m, rng.nextLong()).sigma(sigma)
                .normalizeColumns(normalizeColumns).build();
        SyntheticSource test = SyntheticSource.builder(prior, m, rng.nextLong()).sigma(sigma)
                .dictionary(train.trueDictionary()).build();
        List<TestBatch> tests = new ArrayList<>();
        for (int i = 0; i < settings.testBatches(); i++) {
            Batch b = test.next(settings.testBatchSize());
            tests.add(new TestBatch(b.y(), b.clean(), b.z()));
        }
        return new TrialData() {
            @Override
            public int dimension() {
                return m;
            }

            @Override
            public GenerativePrior prior() {
                return prior;
            }

            @Override
            public DMatrixRMaj initialDictionary() {
                return train.initialDictionary().copy();
            }

            @Override
            public DMatrixRMaj nextTrainingBatch(int size) {
                return train.next(size).y();
            }

            @Override
            public List<TestBatch> testBatches() {
                return tests;
            }

            @Override
            public Optional<DMatrixRMaj> trueDictionary() {
                return Optional.of(train.trueDictionary());
            }
        };
    }
}
