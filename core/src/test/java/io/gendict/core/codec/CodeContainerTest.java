package io.gendict.core.codec;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.eval.DecimalQuantizer;
import io.gendict.core.eval.UniformQuantizer;
import io.gendict.core.spi.Codes;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

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

    @Test
    void aHeaderClaimingHugeColumnsIsRefusedBeforeAllocating() {
        // rows 0 keeps rows·cols within the file; 2³¹−9 columns of ranges would need 32 GB of arrays
        byte[] file = crafted(0, Integer.MAX_VALUE - 8, 8, new double[0]);
        GendictException e = assertThrows(GendictException.class, () -> CodeContainer.decode(file, "c.gdz", MODEL));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertEquals("c.gdz: truncated: 2147483639 column ranges need 34359738224 bytes, only 16 present", e.getMessage());
    }

    @Test
    void nonFiniteOrInvertedColumnRangesAreRefused() {
        for (double[] range : new double[][] {{Double.NaN, 1}, {0, Double.NaN}, {0, Double.POSITIVE_INFINITY}, {2, 1}}) {
            byte[] file = crafted(1, 1, 9, range);
            GendictException e = assertThrows(GendictException.class, () -> CodeContainer.decode(file, "c.gdz", MODEL));
            assertTrue(e.getMessage().startsWith("c.gdz: column 0 has range [" + range[0] + ", " + range[1] + "]"),
                    e.getMessage());
        }
    }

    /** A bits-mode container with a valid CRC, the given shape and ranges, and a payload of 1 byte. */
    private static byte[] crafted(int rows, int cols, int trailing, double[] range) {
        ByteBuffer b = ByteBuffer.allocate(4 + 2 + 2 + 12 + 2 + 32 + 8 * range.length + 8 + trailing + 4);
        b.put(new byte[] {'G', 'D', 'C', 'Z'}).putShort((short) 1).putShort((short) 0).putInt(rows).putInt(cols).putInt(0)
                .put((byte) 2).put((byte) 8).put(MODEL);
        for (double r : range) {
            b.putDouble(r);
        }
        b.putLong(trailing).put(new byte[trailing]);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }
}
