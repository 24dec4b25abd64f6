package io.gendict.core.codec;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.eval.UniformQuantizer;
import io.gendict.core.spi.Codes;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateControlTest {
    private static final byte[] MODEL = new byte[32];

    private static Codes gaussian(int rows, int cols) {
        SplittableRandom rng = new SplittableRandom(rows);
        DMatrixRMaj z = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < z.data.length; i++) {
            z.data[i] = rng.nextGaussian();
        }
        return new Codes(z, null);
    }

    @Test
    void theChosenFileMeetsEveryBudgetAndOneMoreBitWouldNot() {
        Codes codes = gaussian(500, 20);
        for (double target : new double[] {30, 55, 80, 120, 200, 1000}) {
            RateControl.Fit fit = RateControl.fit(codes, 0, MODEL, target);
            assertTrue(fit.file().length * 8.0 / 500 <= target, target + " bits: " + fit.file().length + " bytes");
            int bits = fit.quantizer().bits();
            if (bits < 32) {
                byte[] finer = CodeContainer.encode(codes, 0, new UniformQuantizer(bits + 1), MODEL);
                assertTrue(finer.length * 8.0 / 500 > target, target + " bits: " + (bits + 1) + " bits would fit too");
            }
            CodeContainer.Contents back = CodeContainer.decode(fit.file(), "t", MODEL);
            assertEquals("bits:" + bits, back.quantizer().describe());
        }
    }

    @Test
    void aBudgetBelowOneBitPerValueIsRefusedWithItsCost() {
        GendictException e = assertThrows(GendictException.class, () -> RateControl.fit(gaussian(3, 20), 0, MODEL, 8));
        assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
        assertTrue(e.getMessage().startsWith("--target-bits 8.0: even 1 bit per value costs "), e.getMessage());
    }
}
