package io.gendict.core.codec;

import io.gendict.core.error.GendictException;
import io.gendict.core.eval.DecimalQuantizer;
import io.gendict.core.eval.UniformQuantizer;
import io.gendict.core.spi.Codes;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeContainerTest {
    private static final byte[] MODEL = checksum(1);

    private static byte[] checksum(int seed) {
        byte[] b = new byte[32];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    private static DMatrixRMaj random(int rows, int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (rng.nextDouble() - 0.5) * 40;
        }
        return m;
    }

    @Test
    void digitsRoundTripEqualsTheQuantizer() {
        DMatrixRMaj z = random(50, 10, 1);
        DecimalQuantizer q = new DecimalQuantizer(4);
        byte[] file = CodeContainer.encode(new Codes(z, null), 0, q, MODEL);
        CodeContainer.Contents back = CodeContainer.decode(file, "x.gdz", MODEL);
        DMatrixRMaj expected = z.copy();
        q.quantize(expected);
        assertArrayEquals(expected.data, back.codes().values().data, 0.0);
        assertNull(back.codes().indices());
        assertEquals("digits:4", back.quantizer().describe());
    }

    @Test
    void bitsRoundTripCostsExactlyBBitsPerValue() {
        DMatrixRMaj z = random(100, 10, 2);
        UniformQuantizer q = new UniformQuantizer(8);
        byte[] file = CodeContainer.encode(new Codes(z, null), 0, q, MODEL);
        DMatrixRMaj expected = z.copy();
        q.quantize(expected);
        assertArrayEquals(expected.data, CodeContainer.decode(file, "x", MODEL).codes().values().data, 1e-12);
        int header = 4 + 2 + 2 + 12 + 2 + 32 + 10 * 16 + 8 + 4;
        assertEquals(header + 100 * 10, file.length);
    }

    @Test
    void sparseCodesKeepIndicesAndSkipUnusedSlots() {
        DMatrixRMaj v = new DMatrixRMaj(new double[][] {{1.5, -2.25, 0}, {3.125, 0, 0}});
        int[] idx = {299, 0, -1, 17, -1, -1};
        byte[] file = CodeContainer.encode(new Codes(v, idx), 300, new DecimalQuantizer(3), MODEL);
        CodeContainer.Contents back = CodeContainer.decode(file, "x", MODEL);
        assertArrayEquals(idx, back.codes().indices());
        assertArrayEquals(v.data, back.codes().values().data, 0.0);
        assertEquals(300, back.atoms());
    }

    @Test
    void corruptionTruncationAndTheWrongModelAreErrors() {
        byte[] file = CodeContainer.encode(new Codes(random(5, 3, 3), null), 0, new DecimalQuantizer(4), MODEL);
        for (int i = 0; i < file.length; i++) {
            byte[] bad = file.clone();
            bad[i] ^= 0x10;
            assertThrows(GendictException.class, () -> CodeContainer.decode(bad, "x", MODEL), "flip at " + i);
        }
        for (int len = 0; len < file.length; len++) {
            byte[] cut = Arrays.copyOf(file, len);
            assertThrows(GendictException.class, () -> CodeContainer.decode(cut, "x", MODEL), "cut at " + len);
        }
        GendictException e = assertThrows(GendictException.class, () -> CodeContainer.decode(file, "c.gdz", checksum(2)));
        assertTrue(e.getMessage().contains("c.gdz") && e.getMessage().contains("another model"), e.getMessage());
    }

    @Test
    void nonFiniteCodesAreRejected() {
        DMatrixRMaj z = new DMatrixRMaj(1, 2, true, 1, Double.NaN);
        assertThrows(GendictException.class,
                () -> CodeContainer.encode(new Codes(z, null), 0, new DecimalQuantizer(2), MODEL));
    }
}
