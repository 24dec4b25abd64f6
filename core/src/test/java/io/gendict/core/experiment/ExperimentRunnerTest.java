package io.gendict.core.experiment;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gendict.core.eval.Quantizer;
import io.gendict.core.learn.LinearTestPrior;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerListener;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentRunnerTest {
    private static final int M = 3;
    private static final GenerativePrior IDENTITY = new LinearTestPrior(M);

    /** Data y = s + 0.1 with s uniform; noisy error is exactly 0.1·√3 per sample. */
    private static final TrialDataFactory DATA = (trial, seed, settings) -> new TrialData() {
        private final SplittableRandom rng = new SplittableRandom(seed);

        @Override
        public int dimension() {
            return M;
        }

        @Override
        public GenerativePrior prior() {
            return IDENTITY;
        }

        @Override
        public DMatrixRMaj initialDictionary() {
            DMatrixRMaj a = new DMatrixRMaj(M, M);
            a.set(0, 0, 1);
            a.set(1, 1, 1);
            a.set(2, 2, 1);
            return a;
        }

        @Override
        public DMatrixRMaj nextTrainingBatch(int size) {
            return batch(size, rng);
        }

        @Override
        public List<TestBatch> testBatches() {
            SplittableRandom t = new SplittableRandom(seed + 1);
            List<TestBatch> out = new ArrayList<>();
            for (int i = 0; i < settings.testBatches(); i++) {
                DMatrixRMaj clean = batch(settings.testBatchSize(), t);
                DMatrixRMaj noisy = clean.copy();
                for (int j = 0; j < noisy.data.length; j++) {
                    noisy.data[j] += 0.1;
                }
                out.add(new TestBatch(noisy, clean));
            }
            return out;
        }
    };

    private static DMatrixRMaj batch(int size, SplittableRandom rng) {
        DMatrixRMaj y = new DMatrixRMaj(size, M);
        for (int j = 0; j < y.data.length; j++) {
            y.data[j] = rng.nextDouble();
        }
        return y;
    }

    /** Codes y by itself in the identity dictionary: its error equals the noisy error. */
    private static DictionaryLearner passThrough(String name) {
        return new DictionaryLearner() {
            private final DMatrixRMaj a = DATA.create(0, 0, null).initialDictionary();
            private long seen;

            @Override
            public String name() {
                return name;
            }

            @Override
            public void fit(DMatrixRMaj y) {
                seen += y.numRows;
            }

            @Override
            public DMatrixRMaj dictionary() {
                return a;
            }

            @Override
            public long samplesSeen() {
                return seen;
            }

            @Override
            public Codes encode(DMatrixRMaj y) {
                return new Codes(y.copy(), null);
            }

            @Override
            public void coefficients(Codes codes, DMatrixRMaj out) {
                out.setTo(codes.values());
            }

            @Override
            public void addListener(LearnerListener listener) {
            }
        };
    }

    private static ExperimentSettings settings() {
        return new ExperimentSettings("toy", List.of("a", "b"), 3, 4, 5, 2, 7, Quantizer.parse("digits:4"), 11, 1);
    }

    @Test
    void producesOneRowPerMethodTrialAndBatchWithTheMetric() {
        List<Long> steps = new ArrayList<>();
        ExperimentResult result = new ExperimentRunner(DATA, (m, ctx) -> passThrough(m))
                .run(settings(), (done, total, row) -> steps.add(done * 1000 + total));
        assertEquals(3 * 2 * 4, result.rows().size());
        assertEquals(24, steps.size());
        assertEquals(24 * 1000 + 24, steps.get(23));
        for (ResultRow r : result.rows()) {
            assertEquals(0.1 * Math.sqrt(3), r.noisyError(), 1e-12);
            assertEquals(r.noisyError(), r.testError(), 1e-4, "4-digit rounding moves each entry by ≤ 5e-5");
            assertEquals(5L * (r.batch() + 1), r.samples());
        }
    }

    @Test
    void csvAndSummaryFollowTheSchema() {
        ExperimentResult result = new ExperimentRunner(DATA, (m, ctx) -> passThrough(m)).run(settings(), (d, t, r) -> { });
        String[] lines = result.toCsv().split("\n");
        assertEquals(ExperimentResult.CSV_HEADER, lines[0]);
        assertEquals(25, lines.length);
        assertTrue(lines[1].startsWith("a,0,0,5,"));
        JsonObject json = JsonParser.parseString(result.toSummaryJson(Map.of("gendict_version", "test"))).getAsJsonObject();
        assertEquals("toy", json.getAsJsonObject("settings").get("experiment").getAsString());
        JsonObject a = json.getAsJsonObject("methods").getAsJsonObject("a");
        assertEquals(4, a.getAsJsonArray("test_error_mean").size());
        assertEquals(4, a.getAsJsonArray("test_error_std").size());
        assertTrue(a.get("median_train_seconds_per_batch").getAsDouble() >= 0);
        assertTrue(result.toTable().contains("(noisy input)"));
        assertEquals("test", json.getAsJsonObject("provenance").get("gendict_version").getAsString());
        JsonObject last = a.getAsJsonObject("final");
        assertEquals(3, last.get("trials").getAsInt());
        assertTrue(last.get("ci95_half_width").getAsDouble() >= 0);
        assertEquals(2, last.getAsJsonArray("ci95").size());
        JsonObject noisy = json.getAsJsonObject("references").getAsJsonObject(ReferenceLine.NOISY_INPUT.key());
        assertEquals(0.1 * Math.sqrt(3), noisy.get("mean").getAsDouble(), 1e-12);
        assertEquals(0.1 * Math.sqrt(3), noisy.get("sample_max").getAsDouble(), 1e-12);
        assertFalse(json.getAsJsonObject("references").has(ReferenceLine.TRUE_DICTIONARY.key()), "no A* here");
    }

    @Test
    void oneTrialHasNoConfidenceIntervalAndNoNanInJson() {
        ExperimentSettings one = new ExperimentSettings("toy", List.of("a"), 1, 2, 5, 2, 7, Quantizer.parse("digits:4"), 11, 1);
        ExperimentResult result = new ExperimentRunner(DATA, (m, ctx) -> passThrough(m)).run(one, (d, t, r) -> { });
        String json = result.toSummaryJson(Map.of());
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
        JsonObject last = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("methods")
                .getAsJsonObject("a").getAsJsonObject("final");
        assertTrue(last.get("std").isJsonNull() && last.get("ci95_half_width").isJsonNull() && last.get("ci95").isJsonNull());
        String table = result.toTable();
        assertTrue(table.contains("± 95% CI") && table.contains("p90") && table.contains("n/a"), table);
    }

    @Test
    void sameSeedSameErrors() {
        ExperimentRunner runner = new ExperimentRunner(DATA, (m, ctx) -> passThrough(m));
        List<Double> e1 = runner.run(settings(), (d, t, r) -> { }).rows().stream().map(ResultRow::testError).toList();
        List<Double> e2 = runner.run(settings(), (d, t, r) -> { }).rows().stream().map(ResultRow::testError).toList();
        assertEquals(e1, e2);
    }
}
