package io.gendict.benchmarks.harness;

import io.gendict.benchmarks.harness.MethodBenchmark.Timing;
import io.gendict.core.experiment.MethodFactory;
import io.gendict.core.experiment.SyntheticPreset;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.plugin.TestProviders;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.LearnerListener;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MethodBenchmarkTest {
    private static final Registry REGISTRY = new PluginRegistry(Map.of("test-prior", new TestProviders.Prior()),
            Map.of(), Map.of(), Map.of(), Map.of());
    private static final SyntheticPreset TOY = new SyntheticPreset("toy", "test-prior:k=3", 5, 0.1);

    /** Keeps A0, codes every sample as z = 0 and records what it was fitted on. */
    private static final class Recorder implements DictionaryLearner {
        private final LearnerContext context;
        private final List<DMatrixRMaj> seen = new ArrayList<>();

        Recorder(LearnerContext context) {
            this.context = context;
        }

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public void fit(DMatrixRMaj y) {
            seen.add(y.copy());
        }

        @Override
        public DMatrixRMaj dictionary() {
            return context.initialDictionary();
        }

        @Override
        public long samplesSeen() {
            return seen.stream().mapToLong(y -> y.numRows).sum();
        }

        @Override
        public Codes encode(DMatrixRMaj y) {
            return new Codes(new DMatrixRMaj(y.numRows, 3), null);
        }

        @Override
        public void coefficients(Codes codes, DMatrixRMaj out) {
            context.prior().forward(codes.values(), out);
        }

        @Override
        public void addListener(LearnerListener listener) {
        }
    }

    /** @return a factory of {@link Recorder}s that adds each to {@code learners} */
    private static MethodFactory recording(List<Recorder> learners) {
        return (method, context) -> {
            Recorder r = new Recorder(context);
            learners.add(r);
            return r;
        };
    }

    @Test
    void learnersOfEveryThreadCountFitTheSameBatches() {
        List<Recorder> learners = new ArrayList<>();
        MethodBenchmark bench = new MethodBenchmark(REGISTRY, recording(learners), 4, 1e9, 0, 1, 7L);
        List<Timing> timings = bench.time(TOY, "recorder", 6, List.of(1, 3));
        assertEquals(2, learners.size());
        assertEquals(List.of(1, 3), timings.stream().map(Timing::threads).toList());
        assertEquals(learners.get(0).context.seed(), learners.get(1).context.seed());
        assertEquals(3, learners.get(1).context.threads());
        for (Timing t : timings) {
            assertEquals(4, t.batches());
            assertEquals(6, t.batchSize());
            assertTrue(t.bestSeconds() <= t.medianSeconds() && t.testSeconds() > 0, t.toString());
        }
        assertEquals(timings.get(0).testError(), timings.get(1).testError());
        List<DMatrixRMaj> a = learners.get(0).seen;
        List<DMatrixRMaj> b = learners.get(1).seen;
        assertEquals(5, a.size(), "one untimed and 4 timed batches");
        for (int i = 0; i < a.size(); i++) {
            assertTrue(CommonOps_DDRM.elementMaxAbs(a.get(i)) > 0);
            assertEquals(0, CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.subtract(a.get(i), b.get(i), null)));
        }
    }

    @Test
    void warmUpRunsOnThrowawayLearnersUntilItsTimeHasPassed() {
        List<Recorder> learners = new ArrayList<>();
        MethodBenchmark bench = new MethodBenchmark(REGISTRY, recording(learners), 3, 1e9, 3600, 1, 7L);
        Timing warmed = bench.time(TOY, "recorder", 4, 1);
        assertEquals(2, learners.size());
        assertEquals(1 + 3, learners.get(0).seen.size(), "the measured learner fits one untimed and the timed batches");
        assertEquals(20, learners.get(1).seen.size(), "the throwaway copy's warm-up stops at 20 batches");
        Timing cold = new MethodBenchmark(REGISTRY, (method, context) -> new Recorder(context), 3, 1e9, 0, 1, 7L)
                .time(TOY, "recorder", 4, 1);
        assertEquals(cold.testError(), warmed.testError());
    }

    @Test
    void theBudgetStopsAfterTwoBatches() {
        MethodBenchmark bench = new MethodBenchmark(REGISTRY, (method, context) -> new Recorder(context), 5, 0, 0, 1, 7L);
        assertEquals(2, bench.time(TOY, "recorder", 4, 2).batches());
    }
}
