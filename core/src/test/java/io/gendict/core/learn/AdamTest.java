package io.gendict.core.learn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdamTest {

    @Test
    void firstStepMovesEveryCoordinateByTheLearningRate() {
        double[] theta = {1.0, -2.0, 3.0};
        Adam adam = new Adam(3, 0.1);
        adam.step(theta, new double[]{0.5, -4.0, 1e-3});
        assertEquals(0.9, theta[0], 1e-7);
        assertEquals(-1.9, theta[1], 1e-7);
        assertEquals(2.9, theta[2], 1e-6);
    }

    @Test
    void matchesTheBiasCorrectedFormulaOverSeveralSteps() {
        double lr = 0.01;
        double[] theta = {2.0};
        Adam adam = new Adam(1, lr);
        double m = 0;
        double v = 0;
        double expected = 2.0;
        for (int t = 1; t <= 5; t++) {
            double g = 2 * theta[0];
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            expected -= lr * (m / (1 - Math.pow(0.9, t))) / (Math.sqrt(v / (1 - Math.pow(0.999, t))) + 1e-8);
            adam.step(theta, new double[]{g});
            assertEquals(expected, theta[0], 1e-12);
        }
    }

    @Test
    void resetStartsAFreshProblem() {
        double[] a = {1.0};
        double[] b = {1.0};
        Adam adam = new Adam(1, 0.1);
        adam.step(a, new double[]{3.0});
        adam.reset();
        adam.step(a, new double[]{1.0});
        Adam fresh = new Adam(1, 0.1);
        fresh.step(b, new double[]{3.0});
        fresh.step(b, new double[]{1.0});
        assertTrue(Math.abs(a[0] - 0.8) < 1e-7, "after reset the step is the first-step size again: " + a[0]);
    }
}
