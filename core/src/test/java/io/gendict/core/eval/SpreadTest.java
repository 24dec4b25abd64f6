package io.gendict.core.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpreadTest {
    @Test
    void sampleStdAndStudentInterval() {
        Spread s = Spread.of(new double[] {1, 2, 3, 4});
        assertEquals(4, s.n());
        assertEquals(2.5, s.mean(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3), s.std(), 1e-15, "n - 1 in the denominator");
        assertEquals(3.182446305 * Math.sqrt(5.0 / 3) / 2, s.halfWidth(), 1e-8, "t(0.975, 3)·s/√n");
    }

    @Test
    void oneValueHasNoSpread() {
        Spread s = Spread.of(new double[] {7});
        assertEquals(7, s.mean());
        assertTrue(Double.isNaN(s.std()) && Double.isNaN(s.halfWidth()));
    }

    @Test
    void quantilesInterpolateLinearly() {
        SampleQuantiles q = SampleQuantiles.of(new double[] {10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0});
        assertEquals(5, q.median(), 1e-15);
        assertEquals(9, q.p90(), 1e-15);
        assertEquals(10, q.max(), 1e-15);
        SampleQuantiles two = SampleQuantiles.of(new double[] {1, 2});
        assertEquals(1.5, two.median(), 1e-15);
        assertEquals(1.9, two.p90(), 1e-15);
    }
}
