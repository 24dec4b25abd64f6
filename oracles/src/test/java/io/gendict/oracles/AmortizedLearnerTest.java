package io.gendict.oracles;

import io.gendict.core.error.GendictException;
import io.gendict.core.learn.AmortizedLearner;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecoderHead;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LatentEncoder;
import io.gendict.core.spi.LatentDistribution;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AmortizedLearner} ({@code amortized}): with an encoder that inverts noiseless data exactly
 * its dictionary and codes reconstruct new samples to 1% (A itself is ill-determined along the
 * near-collinear features z and sin z, where the ridge decides); a resumed run continues bit for bit; a prior without an
 * encoder, or one reading another dimension, is refused.
 */
class AmortizedLearnerTest {
    private static final int M = 10;
    private static final AmortizedLearner.Options OPTIONS = new AmortizedLearner.Options(true, true);
    private final TestRegistry registry = new TestRegistry();
    private final GenerativePrior dependencies = TestPriors.dependencies(3);

    /** dependencies (G(z) = [z; z∘z; sin z], k = 3, n = 9) with the encoder z = first 3 rows of A*⁺·y. */
    private GenerativePrior withEncoder(DMatrixRMaj aStar) {
        return withEncoder(aStar, null);
    }

    /** As {@link #withEncoder(DMatrixRMaj)}, with the head x ↦ headMap·x when headMap is given. */
    private GenerativePrior withEncoder(DMatrixRMaj aStar, DMatrixRMaj headMap) {
        DecoderHead head = headMap == null ? null : new DecoderHead() {
            @Override
            public int outputDim() {
                return headMap.numRows;
            }

            @Override
            public void forward(DMatrixRMaj x, DMatrixRMaj out) {
                CommonOps_DDRM.multTransB(x, headMap, out);
            }
        };
        DMatrixRMaj pinv = new DMatrixRMaj(9, M);
        CommonOps_DDRM.pinv(aStar, pinv);
        DMatrixRMaj rows = CommonOps_DDRM.extract(pinv, 0, 3, 0, M);
        LatentEncoder encoder = new LatentEncoder() {
            @Override
            public int inputDim() {
                return M;
            }

            @Override
            public void encode(DMatrixRMaj y, DMatrixRMaj z) {
                CommonOps_DDRM.multTransB(y, rows, z);
            }
        };
        GenerativePrior g = dependencies;
        return new GenerativePrior() {
            public int latentDim() {
                return g.latentDim();
            }

            public int outputDim() {
                return g.outputDim();
            }

            public void forward(DMatrixRMaj z, DMatrixRMaj out) {
                g.forward(z, out);
            }

            public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
                g.vjp(z, dx, out);
            }

            public LatentDistribution latentDistribution() {
                return g.latentDistribution();
            }

            public Optional<LatentEncoder> encoder() {
                return Optional.of(encoder);
            }

            public Optional<DecoderHead> head() {
                return Optional.ofNullable(head);
            }

            public Params params() {
                return g.params();
            }

            public Map<String, DMatrixRMaj> arrays() {
                return g.arrays();
            }
        };
    }

    private AmortizedLearner learner(GenerativePrior prior) {
        return new AmortizedLearner("amortized", registry.oracle("gauss-newton:iterations=20"),
                new LearnerContext(M, prior, null, 5, 1), OPTIONS);
    }

    private static List<DMatrixRMaj> batches(Synthetic data, int count) {
        SplittableRandom rng = new SplittableRandom(6);
        List<DMatrixRMaj> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(data.batch(30, rng).y());
        }
        return out;
    }

    @Test
    void reconstructsNoiselessSamplesFromExactLatents() {
        Synthetic data = new Synthetic(dependencies, M, 0, new SplittableRandom(2));
        AmortizedLearner learner = learner(withEncoder(data.aStar));
        batches(data, 6).forEach(learner::fit);
        DMatrixRMaj test = data.batch(20, new SplittableRandom(9)).clean();
        DMatrixRMaj x = new DMatrixRMaj(20, 9);
        learner.coefficients(learner.encode(test), x);
        DMatrixRMaj yHat = new DMatrixRMaj(20, M);
        CommonOps_DDRM.multTransB(x, learner.dictionary(), yHat);
        CommonOps_DDRM.subtractEquals(yHat, test);
        assertTrue(NormOps_DDRM.normF(yHat) < 1e-2 * NormOps_DDRM.normF(test), "reconstruction error " + NormOps_DDRM.normF(yHat));
    }

    @Test
    void resumesBitForBitFromItsState() {
        Synthetic data = new Synthetic(dependencies, M, 0.1, new SplittableRandom(3));
        GenerativePrior prior = withEncoder(data.aStar);
        List<DMatrixRMaj> ys = batches(data, 4);
        AmortizedLearner whole = learner(prior);
        ys.forEach(whole::fit);
        AmortizedLearner first = learner(prior);
        first.fit(ys.get(0));
        first.fit(ys.get(1));
        AmortizedLearner resumed = learner(prior);
        resumed.restore(first.state());
        resumed.fit(ys.get(2));
        resumed.fit(ys.get(3));
        assertArrayEquals(whole.dictionary().data, resumed.dictionary().data);
        assertEquals(whole.samplesSeen(), resumed.samplesSeen());
    }

    /**
     * A linear head x ↦ A*·x: the anchor, the least-squares stand-in for the head on p_z's samples,
     * is A* itself, and A starts there; a given initial dictionary is kept instead, and a head of
     * another output dimension is ignored.
     */
    @Test
    void aLinearHeadIsRecoveredAsTheAnchor() {
        DMatrixRMaj aStar = new Synthetic(dependencies, M, 0, new SplittableRandom(8)).aStar;
        AmortizedLearner anchored = learner(withEncoder(aStar, aStar));
        DMatrixRMaj diff = anchored.dictionary().copy();
        CommonOps_DDRM.subtractEquals(diff, aStar);
        assertTrue(NormOps_DDRM.normF(diff) < 1e-6 * NormOps_DDRM.normF(aStar), "anchor off by " + NormOps_DDRM.normF(diff));
        DMatrixRMaj given = new DMatrixRMaj(M, 9);
        CommonOps_DDRM.fill(given, 0.5);
        AmortizedLearner kept = new AmortizedLearner("amortized", registry.oracle("gauss-newton:iterations=20"),
                new LearnerContext(M, withEncoder(aStar, aStar), given, 5, 1), OPTIONS);
        assertArrayEquals(given.data, kept.dictionary().data);
        DMatrixRMaj wide = new DMatrixRMaj(M + 1, 9);
        AmortizedLearner ignored = learner(withEncoder(aStar, wide));
        assertArrayEquals(learner(withEncoder(aStar)).dictionary().data, ignored.dictionary().data);
    }

    /** Noisy data from A* with a head 10% off A*: learning from the anchor beats the anchor, and a resumed run continues bit for bit. */
    @Test
    void learnsAwayFromAnOffAnchorAndResumes() {
        Synthetic data = new Synthetic(dependencies, M, 0.05, new SplittableRandom(10));
        DMatrixRMaj off = data.aStar.copy();
        CommonOps_DDRM.scale(1.1, off);
        GenerativePrior prior = withEncoder(data.aStar, off);
        List<DMatrixRMaj> ys = batches(data, 6);
        AmortizedLearner whole = learner(prior);
        ys.forEach(whole::fit);
        DMatrixRMaj before = off.copy();
        CommonOps_DDRM.subtractEquals(before, data.aStar);
        DMatrixRMaj after = whole.dictionary().copy();
        CommonOps_DDRM.subtractEquals(after, data.aStar);
        assertTrue(NormOps_DDRM.normF(after) < NormOps_DDRM.normF(before),
                "distance to A* " + NormOps_DDRM.normF(after) + " not below the anchor's " + NormOps_DDRM.normF(before));
        AmortizedLearner first = learner(prior);
        ys.subList(0, 3).forEach(first::fit);
        AmortizedLearner resumed = learner(prior);
        resumed.restore(first.state());
        ys.subList(3, 6).forEach(resumed::fit);
        assertArrayEquals(whole.dictionary().data, resumed.dictionary().data);
    }

    /** The ablations: without refinement (amortized:iterations=0) it encodes to the encoder's latents exactly; anchor=false leaves A where the seed puts it. */
    @Test
    void optionsSwitchOffRefinementAndTheAnchor() {
        Synthetic data = new Synthetic(dependencies, M, 0.05, new SplittableRandom(12));
        GenerativePrior prior = withEncoder(data.aStar, data.aStar);
        AmortizedLearner plain = new AmortizedLearner("amortized", registry.oracle("gauss-newton:iterations=20"),
                new LearnerContext(M, prior, null, 5, 1), new AmortizedLearner.Options(false, true));
        batches(data, 2).forEach(plain::fit);
        DMatrixRMaj y = data.batch(10, new SplittableRandom(13)).y();
        DMatrixRMaj z = new DMatrixRMaj(10, 3);
        prior.encoder().orElseThrow().encode(y, z);
        assertArrayEquals(z.data, plain.encode(y).values().data, 0);
        AmortizedLearner unanchored = new AmortizedLearner("amortized", registry.oracle("gauss-newton:iterations=20"),
                new LearnerContext(M, prior, null, 5, 1), new AmortizedLearner.Options(true, false));
        assertArrayEquals(learner(withEncoder(data.aStar)).dictionary().data, unanchored.dictionary().data);
    }

    @Test
    void refusesAPriorWithoutAnEncoderOrOfAnotherDimension() {
        GendictException none = assertThrows(GendictException.class, () -> learner(dependencies));
        assertTrue(none.getMessage().contains("amortized encoder"), none.getMessage());
        GenerativePrior prior = withEncoder(new Synthetic(dependencies, M, 0, new SplittableRandom(4)).aStar);
        GendictException other = assertThrows(GendictException.class, () -> new AmortizedLearner("amortized",
                registry.oracle("gauss-newton"), new LearnerContext(M + 1, prior, null, 1, 1), OPTIONS));
        assertTrue(other.getMessage().contains("m = " + (M + 1)), other.getMessage());
    }
}
