package io.gendict.core.experiment.rd;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateDistortionResultTest {
    /** A point of 10 images whose amortised size is {@code bits} per image. */
    private static RatePoint point(String codec, String setting, int trial, double bits, double psnr) {
        return new RatePoint(codec, setting, trial, 10, Math.round(bits * 10 / 8), 0, Math.round(bits * 10 / 8), psnr, 1);
    }

    private static RateDistortionResult result() {
        return new RateDistortionResult(List.of(
                point("gen", "bits:1", 0, 40, 15), point("gen", "bits:2", 0, 80, 19), point("gen", "bits:3", 0, 160, 21),
                point("gen", "bits:1", 1, 40, 17), point("gen", "bits:2", 1, 80, 21), point("gen", "bits:3", 1, 160, 23),
                point("jpeg", "quality:5", 0, 120, 18), point("jpeg", "quality:50", 0, 400, 26),
                point("jpeg", "quality:5", 1, 120, 18), point("jpeg", "quality:50", 1, 400, 26),
                point("png", "lossless", 0, 4000, Double.POSITIVE_INFINITY),
                point("png", "lossless", 1, 4000, Double.POSITIVE_INFINITY)), Set.of("gen"));
    }

    @Test
    void curvesAverageTrialsAndInterpolateTheBitsForAPsnr() {
        RateDistortionResult r = result();
        RateDistortionResult.Curve gen = r.curves().get(0);
        assertEquals(List.of(16.0, 20.0, 22.0), gen.points().stream().map(RateDistortionResult.CurvePoint::psnr).toList());
        assertEquals(80, gen.bitsFor(20), 1e-9);
        assertEquals(120, gen.bitsFor(21), 1e-9);
        assertTrue(Double.isNaN(gen.bitsFor(25)), "never");
        assertEquals(40, gen.bitsFor(10), 1e-9, "the first point already reaches it");
        RateDistortionResult.Curve jpeg = r.curves().get(1);
        assertEquals(120 + 280 * 0.25, jpeg.bitsFor(20), 1e-9);
        assertEquals(4000, r.curves().get(2).bitsFor(60), 1e-9, "lossless reaches every PSNR");
        assertEquals(Double.NEGATIVE_INFINITY, jpeg.envelope(100));
        assertEquals(18, jpeg.envelope(399), 0);
    }

    @Test
    void dominanceRunsOverEveryPointBelowTheLimit() {
        List<double[]> runs = result().generativeDominates(200);
        assertEquals(1, runs.size());
        assertArrayEquals(new double[] {40, 160}, runs.get(0), 1e-9);
        assertTrue(result().generativeDominates(30).isEmpty());
    }

    @Test
    void csvAndSummaryNameLosslessAsSuch() {
        RateDistortionResult r = result();
        assertTrue(r.toCsv().contains("png,lossless,0,10,5000,0,5000,4000.000000,4000.000000,inf,"), r.toCsv());
        String json = r.toSummaryJson(Map.of(), List.of(20.0, 25.0), 200);
        assertTrue(json.contains("\"psnr_25_db\": null") && json.contains("\"lossless\": true")
                && !json.contains("Infinity") && !json.contains("NaN"), json);
        assertTrue(r.toTable(List.of(20.0, 25.0)).lines().anyMatch(l -> l.startsWith("gen") && l.contains("never")),
                r.toTable(List.of(20.0, 25.0)));
    }
}
