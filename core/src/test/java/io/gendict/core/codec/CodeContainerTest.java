package io.gendict.core.codec;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.eval.DecimalQuantizer;
import io.gendict.core.eval.Quantizer;
import io.gendict.core.eval.UniformQuantizer;
import io.gendict.core.spi.Codes;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

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
        byte[] file = CodeContainer.encode(new Codes(z, null), 0, q, MODEL, PayloadFormat.PACKED);
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
    void bothPayloadFormatsStoreTheSameCodes() {
        qt().withFixedSeed(31L).withExamples(150)
                .forAll(Generate.range(0, 40), Generate.range(1, 12), Generate.range(0, 5), Generate.longRange(0, Long.MAX_VALUE))
                .checkAssert((rows, cols, mode, seed) -> {
                    SplittableRandom rng = new SplittableRandom(seed);
                    DMatrixRMaj v = random(rows, cols, seed);
                    int atoms = 1 + rng.nextInt(600);
                    int[] idx = null;
                    if (mode >= 3) {
                        idx = new int[rows * cols];
                        for (int i = 0; i < idx.length; i++) {
                            idx[i] = rng.nextInt(4) == 0 ? -1 : rng.nextInt(atoms);
                        }
                    }
                    Quantizer q = mode % 3 == 0 ? new DecimalQuantizer(rng.nextInt(7))
                            : new UniformQuantizer(mode % 3 == 1 ? 1 + rng.nextInt(12) : 13 + rng.nextInt(20));
                    Codes codes = new Codes(v, idx);
                    CodeContainer.Contents packed = CodeContainer.decode(
                            CodeContainer.encode(codes, atoms, q, MODEL, PayloadFormat.PACKED), "p", MODEL);
                    byte[] file = CodeContainer.encode(codes, atoms, q, MODEL);
                    CodeContainer.Contents coded = CodeContainer.decode(file, "a", MODEL);
                    assertArrayEquals(packed.codes().values().data, coded.codes().values().data, 0.0);
                    assertArrayEquals(packed.codes().indices(), coded.codes().indices());
                    assertEquals(PayloadFormat.PACKED, packed.format());
                    assertEquals(PayloadFormat.ARITHMETIC, coded.format());
                    assertEquals(2, ByteBuffer.wrap(file, 4, 2).getShort());
                    assertTrue(coded.payloadBytes() >= 5 && coded.payloadBytes() < file.length);
                });
    }

    @Test
    void arithmeticCodingBeatsPackingOnPeakedValues() {
        SplittableRandom rng = new SplittableRandom(7);
        DMatrixRMaj z = new DMatrixRMaj(1000, 20);
        for (int i = 0; i < z.data.length; i++) {
            z.data[i] = rng.nextGaussian();
        }
        z.data[0] = 6;
        z.data[1] = -6;
        Codes codes = new Codes(z, null);
        UniformQuantizer q = new UniformQuantizer(8);
        CodeContainer.Contents packed = CodeContainer.decode(
                CodeContainer.encode(codes, 0, q, MODEL, PayloadFormat.PACKED), "p", MODEL);
        CodeContainer.Contents coded = CodeContainer.decode(CodeContainer.encode(codes, 0, q, MODEL), "a", MODEL);
        double entropyBits = 0;
        for (int c = 0; c < z.numCols; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < z.numRows; r++) {
                min = Math.min(min, z.get(r, c));
                max = Math.max(max, z.get(r, c));
            }
            int[] counts = new int[256];
            for (int r = 0; r < z.numRows; r++) {
                counts[(int) q.level(z.get(r, c), min, max)]++;
            }
            for (int n : counts) {
                entropyBits -= n == 0 ? 0 : n * Math.log((double) n / z.numRows) / Math.log(2);
            }
        }
        assertEquals(1000 * 20, packed.payloadBytes());
        assertTrue(coded.payloadBytes() * 8 < entropyBits * 1.05, "arithmetic payload " + coded.payloadBytes()
                + " bytes, empirical entropy " + entropyBits / 8 + " bytes");
    }

    @Test
    void anUnknownVersionIsNamed() {
        byte[] file = CodeContainer.encode(new Codes(random(2, 2, 4), null), 0, new DecimalQuantizer(2), MODEL);
        ByteBuffer.wrap(file).putShort(4, (short) 3);
        CRC32C crc = new CRC32C();
        crc.update(file, 0, file.length - 4);
        ByteBuffer.wrap(file).putInt(file.length - 4, (int) crc.getValue());
        GendictException e = assertThrows(GendictException.class, () -> CodeContainer.decode(file, "v.gdz", MODEL));
        assertEquals("v.gdz: unsupported container version 3; this gendict reads versions 1 and 2", e.getMessage());
    }

    @Test
    void anArithmeticHeaderClaimingMoreValuesThanItsPayloadCanHoldIsRefused() {
        byte[] file = CodeContainer.encode(new Codes(new DMatrixRMaj(1000, 1), null), 0, new DecimalQuantizer(0), MODEL);
        ByteBuffer.wrap(file).putInt(8, 1_000_000_000);
        CRC32C crc = new CRC32C();
        crc.update(file, 0, file.length - 4);
        ByteBuffer.wrap(file).putInt(file.length - 4, (int) crc.getValue());
        GendictException e = assertThrows(GendictException.class, () -> CodeContainer.decode(file, "z.gdz", MODEL));
        assertTrue(e.getMessage().startsWith("z.gdz: implausible shape 1000000000×1"), e.getMessage());
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
