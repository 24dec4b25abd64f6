package io.gendict.oracles;

import io.gendict.core.error.GendictException;
import io.gendict.core.learn.RestartLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RestartLearner}: determinism over thread counts, bit-identical resumption from its state,
 * the bounded window, state validation, and that its dictionary fits the window at least as well as
 * its first candidate alone would (it reports the best of its restarts).
 */
class RestartLearnerTest {
    private static final int M = 10;
    private final TestRegistry registry = new TestRegistry();
    private final GenerativePrior prior = TestPriors.dependencies(3);
    private final Synthetic data = new Synthetic(prior, M, 0.1, new SplittableRandom(3));

    private List<DMatrixRMaj> batches(int count) {
        SplittableRandom rng = new SplittableRandom(4);
        List<DMatrixRMaj> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(data.batch(30, rng).y());
        }
        return out;
    }

    private RestartLearner learner(int threads, RestartLearner.Options options) {
        return new RestartLearner("fast", registry.oracle("screened:candidates=200,reuse=true"),
                new LearnerContext(M, prior, null, 17, threads), options);
    }

    @Test
    void sameSeedGivesTheSameDictionaryOnAnyNumberOfThreads() {
        RestartLearner.Options options = new RestartLearner.Options(3, 60, 2);
        RestartLearner one = learner(1, options);
        RestartLearner two = learner(2, options);
        for (DMatrixRMaj y : batches(3)) {
            one.fit(y);
            two.fit(y);
        }
        assertArrayEquals(one.dictionary().data, two.dictionary().data);
    }

    @Test
    void resumesBitForBitFromItsState() {
        RestartLearner.Options options = new RestartLearner.Options(2, 45, 2);
        List<DMatrixRMaj> ys = batches(3);
        RestartLearner whole = learner(1, options);
        ys.forEach(whole::fit);
        RestartLearner first = learner(1, options);
        first.fit(ys.get(0));
        RestartLearner resumed = learner(1, options);
        resumed.restore(first.state());
        resumed.fit(ys.get(1));
        resumed.fit(ys.get(2));
        assertArrayEquals(whole.dictionary().data, resumed.dictionary().data);
        assertEquals(whole.samplesSeen(), resumed.samplesSeen());
    }

    @Test
    void keepsOnlyTheLastWindowOfSamples() {
        RestartLearner learner = learner(1, new RestartLearner.Options(1, 40, 1));
        List<DMatrixRMaj> ys = batches(3);
        ys.forEach(learner::fit);
        DMatrixRMaj window = learner.state().get("window");
        assertEquals(40, window.numRows);
        DMatrixRMaj expected = CommonOps_DDRM.concatRowsMulti(ys.get(1), ys.get(2));
        assertArrayEquals(CommonOps_DDRM.extract(expected, 20, 60, 0, M).data, window.data);
    }

    @Test
    void rejectsAStateOfTheWrongShape() {
        RestartLearner learner = learner(1, new RestartLearner.Options(2, 40, 1));
        Map<String, DMatrixRMaj> state = new HashMap<>(learner.state());
        state.put("candidates", new DMatrixRMaj(3 * M, prior.outputDim()));
        GendictException e = assertThrows(GendictException.class, () -> learner.restore(state));
        assertTrue(e.getMessage().contains("candidates"), e.getMessage());
        state.put("candidates", new DMatrixRMaj(M + 1, prior.outputDim()));
        assertThrows(GendictException.class, () -> learner.restore(state));
        state.put("candidates", new DMatrixRMaj(M, prior.outputDim() + 1));
        assertThrows(GendictException.class, () -> learner.restore(state));
        state.remove("candidates");
        assertThrows(GendictException.class, () -> learner.restore(state));
    }

    @Test
    void dropsCandidatesThatFitFarWorseAndResumesWithTheSurvivors() {
        RestartLearner.Options options = new RestartLearner.Options(6, 90, 6);
        List<DMatrixRMaj> ys = batches(3);
        RestartLearner whole = learner(1, options);
        ys.forEach(whole::fit);
        int survivors = whole.state().get("candidates").numRows / M;
        assertTrue(survivors >= 1 && survivors < 6, survivors + " of 6 candidates survive");
        RestartLearner first = learner(1, options);
        first.fit(ys.get(0));
        first.fit(ys.get(1));
        RestartLearner resumed = learner(1, options);
        resumed.restore(first.state());
        resumed.fit(ys.get(2));
        assertArrayEquals(whole.dictionary().data, resumed.dictionary().data);
    }

    /**
     * Noise-free samples and a start 5% off A*: the variable-projection Gauss–Newton steps take the
     * dictionary to A* to 1e-6, where one alternation step (rounds = 1) leaves it a visible distance away
     * (alternation converges linearly, slowly where A and the codes are coupled).
     */
    @Test
    void gaussNewtonStepsConvergeWhereAlternationCrawls() {
        Synthetic clean = new Synthetic(prior, M, 0, new SplittableRandom(5));
        DMatrixRMaj y = clean.batch(200, new SplittableRandom(6)).y();
        DMatrixRMaj start = clean.aStar.copy();
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < start.data.length; i++) {
            start.data[i] *= 1 + 0.05 * (rng.nextDouble() - 0.5);
        }
        double initial = distance(start, clean.aStar);
        double[] after = new double[2];
        int[] rounds = {12, 1};
        for (int t = 0; t < 2; t++) {
            RestartLearner learner = new RestartLearner("fast", registry.oracle("screened:candidates=200,reuse=true"),
                    new LearnerContext(M, prior, start, 17, 1), new RestartLearner.Options(1, 200, rounds[t]));
            learner.fit(y);
            after[t] = distance(learner.dictionary(), clean.aStar);
        }
        assertTrue(after[0] < 1e-6 * initial, "Gauss–Newton: " + after[0] + " from " + initial);
        assertTrue(after[1] > 1e-3 * initial, "one alternation step: " + after[1] + " from " + initial);
    }

    private static double distance(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj d = a.copy();
        CommonOps_DDRM.subtractEquals(d, b);
        return CommonOps_DDRM.elementMaxAbs(d);
    }

    @Test
    void reportsTheRestartThatFitsTheWindowBest() {
        List<DMatrixRMaj> ys = batches(3);
        double[] alone = new double[1];
        double[] best = new double[1];
        RestartLearner single = learner(1, new RestartLearner.Options(1, 90, 4));
        RestartLearner several = learner(1, new RestartLearner.Options(4, 90, 4));
        single.addListener((batch, samples, a, trainError) -> alone[0] = trainError);
        several.addListener((batch, samples, a, trainError) -> best[0] = trainError);
        ys.forEach(single::fit);
        ys.forEach(several::fit);
        assertTrue(best[0] <= alone[0], "best of 4 restarts " + best[0] + " vs its first candidate alone " + alone[0]);
    }
}
