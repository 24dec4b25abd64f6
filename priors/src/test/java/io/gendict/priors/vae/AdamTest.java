package io.gendict.priors.vae;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Adam against the formulas of docs/algorithms.md §9, evaluated by hand for two steps. */
class AdamTest {

    @Test
    void twoStepsFollowTheBiasCorrectedUpdate() {
        DMatrixRMaj theta = new DMatrixRMaj(1, 2, true, 1.0, -2.0);
        Adam adam = new Adam(List.of(theta), 0.1);
        adam.step(List.of(new DMatrixRMaj(1, 2, true, 0.5, -4.0)));
        assertEquals(1.0 - 0.1 * 0.5 / (0.5 + 1e-8), theta.get(0, 0), 1e-15);
        assertEquals(-2.0 + 0.1 * 4.0 / (4.0 + 1e-8), theta.get(0, 1), 1e-15);
        double before = theta.get(0, 0);
        adam.step(List.of(new DMatrixRMaj(1, 2, true, 1.0, 0.0)));
        double m = 0.9 * 0.05 + 0.1 * 1.0;
        double v = 0.999 * 0.001 * 0.25 + 0.001 * 1.0;
        double expected = before - 0.1 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
        assertEquals(expected, theta.get(0, 0), 1e-15);
    }
}
