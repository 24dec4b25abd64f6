package io.gendict.core.eval;

import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuantizerTest {

    @Test
    void decimalRoundsHalfAwayFromZero() {
        DMatrixRMaj v = new DMatrixRMaj(1, 6, true, 0.12345, -0.12345, 1.00004, -2.99996, 0.0, 123.456789);
        Quantizer.parse("digits:4").quantize(v);
        assertArrayEquals(new double[] {0.1235, -0.1235, 1.0, -3.0, 0.0, 123.4568}, v.data, 1e-15);
    }

    @Test
    void decimalZeroDigitsGivesIntegers() {
        DMatrixRMaj v = new DMatrixRMaj(1, 4, true, 0.5, -0.5, 1.49, -2.51);
        new DecimalQuantizer(0).quantize(v);
        assertArrayEquals(new double[] {1, -1, 1, -3}, v.data, 0);
    }

    @Test
    void significantDigitsKeepRelativePrecision() {
        DMatrixRMaj v = new DMatrixRMaj(1, 4, true, 123456.0, 0.000123456, -9.99951, 0.0);
        Quantizer.parse("significant:3").quantize(v);
        assertArrayEquals(new double[] {123000.0, 0.000123, -10.0, 0.0}, v.data, 1e-12);
    }

    @Test
    void quantizedErrorIsBoundedByHalfAStep() {
        DMatrixRMaj v = new DMatrixRMaj(1, 1000);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < v.data.length; i++) {
            v.data[i] = (rng.nextDouble() - 0.5) * 20;
        }
        DMatrixRMaj q = v.copy();
        new DecimalQuantizer(2).quantize(q);
        for (int i = 0; i < v.data.length; i++) {
            assertEquals(v.data[i], q.data[i], 0.005 + 1e-12);
        }
    }

    @Test
    void badSpecsAreRejected() {
        assertThrows(GendictException.class, () -> Quantizer.parse("digits:x"));
        assertThrows(GendictException.class, () -> Quantizer.parse("bogus:3"));
        assertThrows(GendictException.class, () -> Quantizer.parse("digits:-1"));
        assertEquals("none", Quantizer.parse("none").describe());
    }
}
