package io.gendict.theory.estimate;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.spi.Gaussian;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvergenceFitTest {
    /** e_s = c·ρ^s + floor, times exp(noise·N(0,1)). */
    private static double[] sequence(double c, double rho, double floor, double noise, int length, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] e = new double[length];
        for (int s = 0; s < length; s++) {
            e[s] = (c * Math.pow(rho, s) + floor) * Math.exp(noise * Gaussian.next(rng));
        }
        return e;
    }

    @Test
    void exactGeometricSequenceGivesItsRate() {
        ConvergenceFit fit = ConvergenceFit.fit(sequence(3, 0.7, 1e-9, 0, 100, 1));
        assertEquals(0.7, fit.rate(), 1e-6);
        assertEquals(0.7, fit.rateHigh(), 1e-6);
        assertEquals(Math.log(3), fit.intercept(), 1e-6);
        assertEquals(1e-9, fit.floor(), 1e-13);
        assertTrue(fit.holds());
        assertEquals(56, fit.pointsUsed(), "3·0.7^s + 1e-9 > 10·f for s ≤ 55");
    }

    @Test
    void noisyGeometricSequenceWithFloor() {
        ConvergenceFit fit = ConvergenceFit.fit(sequence(2, 0.8, 1e-4, 0.05, 80, 2));
        assertTrue(fit.rateLow() < 0.8 && 0.8 < fit.rateHigh(), fit.explanation());
        assertTrue(fit.rateHigh() < 0.82, fit.explanation());
        assertEquals(1e-4, fit.floor(), 1.5e-5);
        assertTrue(fit.holds());
        assertTrue(fit.pointsUsed() >= 20 && fit.pointsUsed() < 80);
    }

    @Test
    void intervalCoversTheTrueRateAboutNinetyFivePercentOfTheTime() {
        int covered = 0;
        int trials = 400;
        for (int seed = 0; seed < trials; seed++) {
            ConvergenceFit fit = ConvergenceFit.fit(sequence(1, 0.8, 1e-6, 0.1, 100, 100 + seed));
            covered += fit.rateLow() < 0.8 && 0.8 < fit.rateHigh() ? 1 : 0;
        }
        assertTrue(covered >= 0.91 * trials && covered <= 0.99 * trials, "covered " + covered + "/" + trials);
    }

    @Test
    void flatSequenceIsNotGeometric() {
        ConvergenceFit fit = ConvergenceFit.fit(sequence(0, 0.5, 1, 0.3, 50, 3));
        assertFalse(fit.holds(), fit.explanation());
    }

    @Test
    void sequenceAtItsFloorAlmostAtOnceHasNoFit() {
        double[] e = {1, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3};
        ConvergenceFit fit = ConvergenceFit.fit(e);
        assertTrue(Double.isNaN(fit.rate()));
        assertEquals(1, fit.pointsUsed());
        assertFalse(fit.holds());
    }

    @Test
    void badSequencesAreRejected() {
        assertEquals(ErrorKind.INVALID_INPUT, assertThrows(GendictException.class,
                () -> ConvergenceFit.fit(new double[] {1, 2})).kind());
        assertEquals(ErrorKind.INVALID_INPUT, assertThrows(GendictException.class,
                () -> ConvergenceFit.fit(new double[] {1, 0.5, Double.NaN, 0.1, 0.05})).kind());
    }
}
