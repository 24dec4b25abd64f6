package io.gendict.oracles;

import io.gendict.core.error.GendictException;
import io.gendict.core.learn.FeatureLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FeatureLearner} ({@code feature-als}): A·M keeps unit-norm columns and A = (A·M)·M⁺; from a
 * start near the truth on noiseless group-sparsity data it recovers the identifiable part A*·M up to
 * the scale of each column; it resumes bit for bit; it refuses a prior without linear features.
 */
class FeatureLearnerTest {
    private static final int M = 30;
    private static final int N = 12;
    private static final int K = 3;
    private final TestRegistry registry = new TestRegistry();
    private final GenerativePrior prior = TestPriors.groupSparsity(N, K, 0.6, 5);

    private FeatureLearner learner(Synthetic data, DMatrixRMaj a0) {
        return new FeatureLearner("feature-als", registry.oracle("gauss-newton"),
                new LearnerContext(M, prior, a0, 11, 1), new FeatureLearner.Options(200, 100));
    }

    private static List<DMatrixRMaj> batches(Synthetic data, int count) {
        SplittableRandom rng = new SplittableRandom(8);
        List<DMatrixRMaj> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(data.batch(30, rng).y());
        }
        return out;
    }

    private DMatrixRMaj times(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, out);
        return out;
    }

    private DMatrixRMaj mixing() {
        return prior.linearFeatures().orElseThrow().mixing();
    }

    @Test
    void recoversTheIdentifiablePartFromANearbyStart() {
        Synthetic data = new Synthetic(prior, M, 0, new SplittableRandom(2));
        DMatrixRMaj a0 = data.aStar.copy();
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < a0.data.length; i++) {
            a0.data[i] += 0.05 * rng.nextGaussian();
        }
        FeatureLearner learner = learner(data, a0);
        batches(data, 4).forEach(learner::fit);
        DMatrixRMaj learned = times(learner.dictionary(), mixing());
        DMatrixRMaj truth = times(data.aStar, mixing());
        for (int j = 0; j < K; j++) {
            double dot = 0;
            double nl = 0;
            double nt = 0;
            for (int i = 0; i < M; i++) {
                dot += learned.get(i, j) * truth.get(i, j);
                nl += learned.get(i, j) * learned.get(i, j);
                nt += truth.get(i, j) * truth.get(i, j);
            }
            assertEquals(1, Math.sqrt(nl), 1e-12, "unit-norm column " + j);
            assertTrue(dot / Math.sqrt(nl * nt) > 0.9999, "column " + j + " cosine " + dot / Math.sqrt(nl * nt));
        }
        DMatrixRMaj again = times(learned, pseudoInverse());
        assertArrayEquals(again.data, learner.dictionary().data, 1e-9);
    }

    private DMatrixRMaj pseudoInverse() {
        DMatrixRMaj out = new DMatrixRMaj(K, N);
        CommonOps_DDRM.pinv(mixing(), out);
        return out;
    }

    @Test
    void resumesBitForBitFromItsState() {
        Synthetic data = new Synthetic(prior, M, 0.1, new SplittableRandom(4));
        List<DMatrixRMaj> ys = batches(data, 3);
        FeatureLearner whole = learner(data, null);
        ys.forEach(whole::fit);
        FeatureLearner first = learner(data, null);
        first.fit(ys.get(0));
        FeatureLearner resumed = learner(data, null);
        resumed.restore(first.state());
        resumed.fit(ys.get(1));
        resumed.fit(ys.get(2));
        assertArrayEquals(whole.dictionary().data, resumed.dictionary().data);
        assertEquals(whole.samplesSeen(), resumed.samplesSeen());
    }

    @Test
    void refusesAPriorWithoutLinearFeatures() {
        GenerativePrior dependencies = TestPriors.dependencies(3);
        GendictException e = assertThrows(GendictException.class, () -> new FeatureLearner("feature-als",
                registry.oracle("gauss-newton"), new LearnerContext(10, dependencies, null, 1, 1),
                new FeatureLearner.Options(10, 1)));
        assertTrue(e.getMessage().contains("linear features"), e.getMessage());
    }
}
