package io.gendict.core.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StudentTTest {
    @Test
    void quantilesMatchTables() {
        assertEquals(12.706204736, StudentT.quantile(0.975, 1), 1e-6);
        assertEquals(4.302652730, StudentT.quantile(0.975, 2), 1e-6);
        assertEquals(3.182446305, StudentT.quantile(0.975, 3), 1e-6);
        assertEquals(2.228138852, StudentT.quantile(0.975, 10), 1e-6);
        assertEquals(1.962339081, StudentT.quantile(0.975, 1000), 1e-6);
        assertEquals(-2.228138852, StudentT.quantile(0.025, 10), 1e-6);
        assertEquals(0, StudentT.quantile(0.5, 7), 1e-9);
    }
}
