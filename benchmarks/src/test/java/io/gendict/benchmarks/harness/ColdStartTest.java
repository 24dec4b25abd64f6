package io.gendict.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gendict.benchmarks.harness.KernelBenchmark.Shape;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cold-start summary reads the call times right, and the probes run in child JVMs that really time products. */
class ColdStartTest {
    private static final Shape SHAPE = new Shape(7, 5, 3);

    @Test
    void summaryFindsTheFirstWarmCall() {
        double[] calls = {200, 90, 3.1, 1.4, 2.0, 1.0, 1.2, 1.1, 0.9, 1.3};
        ColdStart.Case c = ColdStart.summarize(SHAPE, "simd", 450, calls);
        assertEquals(1.1, c.warmMs(), 1e-12, "median of the last five calls");
        assertEquals(4, c.warmAtCall(), "call 3 takes 3.1 > 1.5 × 1.1 ms, call 4 takes 1.4");
        assertEquals(200 + 90 + 3.1, c.coldMs(), 1e-12);
        assertEquals(200, c.firstMs());
        assertEquals(293.1, c.firstThreeMs(), 1e-12);
        assertEquals(450, c.uptimeAtFirstMs());
        assertArrayEquals(calls, c.callMs());
        assertEquals(SHAPE, c.shape());
    }

    @Test
    void alreadyWarmFirstCallCountsNothingCold() {
        ColdStart.Case c = ColdStart.summarize(SHAPE, "scalar", 100, new double[] {5, 6, 5, 5, 6, 5});
        assertEquals(1, c.warmAtCall());
        assertEquals(0, c.coldMs());
    }

    @Test
    void tooFewCallsAreRefused() {
        assertThrows(GendictException.class, () -> ColdStart.summarize(SHAPE, "simd", 1, new double[] {1, 1, 1}));
    }

    @Test
    void eachImplementationRunsInAChildJvm() {
        List<ColdStart.Case> cases = ColdStart.run(List.of(SHAPE), 3L);
        List<String> expected = Kernels.simd().isPresent() ? List.of("simd", "scalar") : List.of("scalar");
        assertEquals(expected, cases.stream().map(ColdStart.Case::implementation).toList());
        for (ColdStart.Case c : cases) {
            assertEquals(SHAPE, c.shape());
            assertTrue(c.callMs().length >= ColdStart.MIN_CALLS && c.callMs().length <= ColdStart.MAX_CALLS,
                    c.implementation() + ": " + c.callMs().length + " calls");
            assertTrue(c.uptimeAtFirstMs() > 0 && c.firstMs() > 0 && c.warmMs() > 0, c.toString());
            assertTrue(c.warmAtCall() >= 1 && c.warmAtCall() <= c.callMs().length, c.toString());
        }
    }
}
