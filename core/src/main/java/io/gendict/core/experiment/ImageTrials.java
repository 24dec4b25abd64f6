package io.gendict.core.experiment;

import io.gendict.core.data.SyntheticSource;
import io.gendict.core.data.image.ImageTransform;
import io.gendict.core.error.Checks;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trials of the transfer task (docs/algorithms.md §3, paper figure 2): images (one per row, values in
 * [0, 1]) are shuffled per trial; the first nB·B form the test set, the rest are consumed in order
 * as training batches; every image is transformed (blur, colour shift, flip) and gets fresh
 * N(0, σ²) noise. The clean reference is the transformed image without noise. A0 has Uniform[0,1)
 * entries from the trial's seed.
 *
 * @since 0.1
 */
public final class ImageTrials implements TrialDataFactory {
    private final DMatrixRMaj images;
    private final ImageTransform transform;
    private final double sigma;
    private final GenerativePrior prior;

    /**
     * @param images    N×m clean images in [0, 1], disjoint from the prior's training set. Not modified.
     * @param transform the domain shift applied to every image
     * @param sigma     noise standard deviation (the paper: 0.05)
     * @param prior     the coefficient prior (the sliced VAE decoder)
     */
    public ImageTrials(DMatrixRMaj images, ImageTransform transform, double sigma, GenerativePrior prior) {
        Checks.parameter(Double.isFinite(sigma) && sigma >= 0, "sigma: expected a finite value ≥ 0, got " + sigma);
        this.images = transform.apply(images);
        this.transform = transform;
        this.sigma = sigma;
        this.prior = prior;
    }

    /** @return the transform applied to every image */
    public ImageTransform transform() {
        return transform;
    }

    @Override
    public TrialData create(int trial, long seed, ExperimentSettings settings) {
        int needed = settings.testBatches() * settings.testBatchSize() + settings.batches() * settings.batchSize();
        Checks.parameter(needed <= images.numRows, "transfer: the settings need " + needed
                + " images (test and training), but only " + images.numRows + " are available");
        SplittableRandom rng = new SplittableRandom(seed);
        int[] order = permutation(images.numRows, rng.split());
        SplittableRandom noise = rng.split();
        DMatrixRMaj a0 = SyntheticSource.uniformDictionary(images.numCols, prior.outputDim(), false, rng.split());
        List<TestBatch> tests = new ArrayList<>();
        int next = 0;
        for (int b = 0; b < settings.testBatches(); b++, next += settings.testBatchSize()) {
            DMatrixRMaj clean = rows(order, next, settings.testBatchSize());
            tests.add(new TestBatch(noisy(clean, noise), clean));
        }
        int firstTraining = next;
        return new TrialData() {
            private int cursor = firstTraining;

            @Override
            public int dimension() {
                return images.numCols;
            }

            @Override
            public GenerativePrior prior() {
                return prior;
            }

            @Override
            public DMatrixRMaj initialDictionary() {
                return a0.copy();
            }

            @Override
            public DMatrixRMaj nextTrainingBatch(int size) {
                DMatrixRMaj clean = rows(order, cursor, size);
                cursor += size;
                return noisy(clean, noise);
            }

            @Override
            public List<TestBatch> testBatches() {
                return tests;
            }
        };
    }

    private DMatrixRMaj rows(int[] order, int from, int count) {
        int m = images.numCols;
        DMatrixRMaj out = new DMatrixRMaj(count, m);
        for (int i = 0; i < count; i++) {
            System.arraycopy(images.data, order[from + i] * m, out.data, i * m, m);
        }
        return out;
    }

    private DMatrixRMaj noisy(DMatrixRMaj clean, SplittableRandom rng) {
        DMatrixRMaj y = clean.copy();
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] += sigma * Gaussian.next(rng);
        }
        return y;
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
