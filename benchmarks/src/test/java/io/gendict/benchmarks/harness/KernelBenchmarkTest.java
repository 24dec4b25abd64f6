package io.gendict.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gendict.benchmarks.harness.KernelBenchmark.Measurement;
import io.gendict.benchmarks.harness.KernelBenchmark.Report;
import io.gendict.benchmarks.harness.KernelBenchmark.Shape;
import io.gendict.core.error.GendictException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmark measures every implementation once per shape, parallel ones with a paired speed-up, and reports consistent figures. */
class KernelBenchmarkTest {
    @Test
    void measuresEachImplementationPerShape() {
        Shape shape = new Shape(7, 5, 3);
        Report report = new KernelBenchmark(List.of(shape), 2, 4, 1L, 0).run();
        List<String> cases = report.measurements().stream()
                .map(m -> m.implementation() + "×" + m.threads()).collect(Collectors.toList());
        assertEquals(List.of("simd×1", "simd×2", "scalar×1", "scalar×2", "ejml×1"), cases);
        for (Measurement m : report.measurements()) {
            assertEquals(shape, m.shape());
            assertEquals(4, m.repeats());
            assertEquals(shape.flops() / m.medianSeconds() / 1e9, m.gflops(), 1e-9 * m.gflops());
            assertTrue(m.bestGflops() >= m.gflops());
            if (m.threads() == 1) {
                assertNull(m.speedup(), m.implementation());
            } else {
                assertTrue(m.speedup() > 0 && Double.isFinite(m.speedup()), m.implementation() + ": " + m.speedup());
            }
        }
        assertEquals(2, report.threads());
    }

    @Test
    void rejectsBadCounts() {
        assertThrows(GendictException.class, () -> new KernelBenchmark(List.of(), 0, 1, 1L));
        assertThrows(GendictException.class, () -> new KernelBenchmark(List.of(), 1, 0, 1L));
    }
}
