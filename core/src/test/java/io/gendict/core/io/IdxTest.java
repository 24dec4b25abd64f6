package io.gendict.core.io;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxTest {
    @TempDir
    Path dir;

    /** @return IDX bytes: header for {@code type} and {@code dims}, then the values big-endian */
    static byte[] idx(ElementType type, int[] dims, double[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + type.size() * values.length).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0).put((byte) 0).put((byte) type.idxCode()).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        for (int i = 0; i < values.length; i++) {
            type.put(b, 4 + 4 * dims.length + i * type.size(), values[i]);
        }
        return b.array();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void readsEveryTypePlainAndGzip() throws IOException {
        double[] values = {0, 1, -2, 100, 7, -128};
        for (ElementType type : ElementType.values()) {
            if (type.idxCode() < 0) {
                continue;
            }
            double[] v = type == ElementType.UINT8 ? new double[]{0, 1, 2, 100, 7, 255} : values;
            byte[] plain = idx(type, new int[]{3, 2}, v);
            for (byte[] bytes : new byte[][]{plain, gzip(plain)}) {
                NdArray a = Idx.read(write("t.idx", bytes), Idx.ALL);
                assertEquals(type, a.type());
                assertArrayEquals(new int[]{3, 2}, a.shape());
                assertArrayEquals(v, a.toDoubles(), type.toString());
                assertArrayEquals(v, Idx.read(new ByteArrayInputStream(bytes), "s", Idx.ALL).toDoubles());
            }
        }
    }

    @Test
    void imagesAreRowsScaledToUnitIntervalUnlessRaw() {
        double[] pixels = new double[2 * 2 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = 20 * i + 15;
        }
        Path f = write("img.gz", gzip(idx(ElementType.UINT8, new int[]{2, 2, 3}, pixels)));
        DMatrixRMaj scaled = Idx.readImages(f, Idx.ALL, false);
        assertEquals(2, scaled.numRows);
        assertEquals(6, scaled.numCols);
        assertEquals(235 / 255.0, scaled.get(1, 5), 0);
        assertArrayEquals(pixels, Idx.readImages(f, Idx.ALL, true).data);
        DMatrixRMaj first = Idx.readImages(f, 1, false);
        assertEquals(1, first.numRows);
        Path floats = write("f.idx", idx(ElementType.FLOAT32, new int[]{1, 2, 1}, new double[]{0.5, 2}));
        assertArrayEquals(new double[]{0.5, 2}, Idx.readImages(floats, Idx.ALL, false).data);
    }

    @Test
    void labelsWithLimit() {
        Path f = write("l.idx", idx(ElementType.UINT8, new int[]{5}, new double[]{5, 0, 4, 1, 9}));
        assertArrayEquals(new int[]{5, 0, 4, 1, 9}, Idx.readLabels(f, Idx.ALL));
        assertArrayEquals(new int[]{5, 0}, Idx.readLabels(f, 2));
        assertArrayEquals(new int[]{5, 0, 4, 1, 9}, Idx.readLabels(f, 99));
        GendictException e = assertThrows(GendictException.class, () -> Idx.readLabels(f, 0));
        assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
    }

    @Test
    void rejectsMalformedHeaders() {
        byte[] good = idx(ElementType.UINT8, new int[]{2, 2}, new double[]{1, 2, 3, 4});
        byte[] magic = good.clone();
        magic[0] = 1;
        assertFormat(magic, "not an IDX file");
        byte[] type = good.clone();
        type[2] = 0x0A;
        assertFormat(type, "unsupported IDX type 0x0A");
        byte[] noDims = good.clone();
        noDims[3] = 0;
        assertFormat(noDims, "zero dimensions");
        assertFormat(idx(ElementType.UINT8, new int[]{2, 0}, new double[0]), "dimension 1 is 0");
        assertFormat(idx(ElementType.UINT8, new int[]{-1, 2}, new double[0]), "dimension 0 is 4294967295");
        int max = Integer.MAX_VALUE;
        assertFormat(idx(ElementType.FLOAT64, new int[]{max, max, max}, new double[0]), "overflow");
        assertFormat(Arrays.copyOf(good, 6), "truncated");
    }

    @Test
    void rejectsTruncatedOrOverlongData() {
        byte[] good = idx(ElementType.INT32, new int[]{3, 2}, new double[]{1, 2, 3, 4, 5, 6});
        assertFormat(Arrays.copyOf(good, good.length - 1), "truncated");
        assertFormat(Arrays.copyOf(good, good.length + 3), "");
        byte[] lying = idx(ElementType.UINT8, new int[]{60000, 28, 28}, new double[]{1, 2, 3});
        assertFormat(lying, "truncated");
        byte[] beyondArrays = idx(ElementType.FLOAT64, new int[]{60000, 28000, 28}, new double[]{1});
        assertFormat(beyondArrays, "");
        FormatException e = assertThrows(FormatException.class,
                () -> Idx.read(new ByteArrayInputStream(gzip(beyondArrays)), "huge.gz", Idx.ALL));
        assertTrue(e.getMessage().contains("more than one Java array"), e.getMessage());
    }

    @Test
    void rejectsCorruptGzip() {
        byte[] gz = gzip(idx(ElementType.INT32, new int[]{300}, new double[300]));
        Path cut = write("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        FormatException e = assertThrows(FormatException.class, () -> Idx.read(cut, Idx.ALL));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
        byte[] flipped = gz.clone();
        flipped[12] ^= 0x55;
        Path bad = write("bad.gz", flipped);
        assertThrows(FormatException.class, () -> Idx.read(bad, Idx.ALL));
    }

    @Test
    void bytesAfterTheGzipDataAreRefusedAndConcatenatedMembersRead() {
        byte[] plain = idx(ElementType.INT32, new int[]{300}, new double[300]);
        byte[] gz = gzip(plain);
        for (int garbage : new int[]{1, 7, 30, 100_000}) {
            byte[] trailing = Arrays.copyOf(gz, gz.length + garbage);
            Arrays.fill(trailing, gz.length, trailing.length, (byte) 'x');
            Path f = write("trailing.gz", trailing);
            FormatException e = assertThrows(FormatException.class, () -> Idx.read(f, Idx.ALL), "garbage " + garbage);
            assertEquals(f + ": unexpected bytes after the gzip data", e.getMessage());
        }
        byte[] half = gzip(Arrays.copyOf(plain, 600));
        byte[] rest = gzip(Arrays.copyOfRange(plain, 600, plain.length));
        byte[] members = Arrays.copyOf(half, half.length + rest.length);
        System.arraycopy(rest, 0, members, half.length, rest.length);
        assertEquals(300, Idx.read(write("members.gz", members), Idx.ALL).shape()[0]);
    }

    @Test
    void labelsAndImagesCheckTheirShape() {
        Path matrix = write("m.idx", idx(ElementType.UINT8, new int[]{2, 2}, new double[]{1, 2, 3, 4}));
        assertTrue(assertThrows(FormatException.class, () -> Idx.readLabels(matrix, Idx.ALL)).getMessage()
                .contains("expected labels"));
        Path vector = write("v.idx", idx(ElementType.FLOAT32, new int[]{2}, new double[]{1, 2}));
        assertTrue(assertThrows(FormatException.class, () -> Idx.readLabels(vector, Idx.ALL)).getMessage()
                .contains("integer"));
        assertTrue(assertThrows(FormatException.class, () -> Idx.readImages(vector, Idx.ALL, false)).getMessage()
                .contains("expected images"));
    }

    @Test
    void missingFileIsAnIoError() {
        GendictException e = assertThrows(GendictException.class, () -> Idx.read(dir.resolve("no.gz"), Idx.ALL));
        assertEquals(ErrorKind.IO, e.kind());
        assertTrue(e.getMessage().contains("no.gz"));
    }

    private void assertFormat(byte[] plain, String fragment) {
        for (byte[] bytes : new byte[][]{plain, gzip(plain)}) {
            Path f = write("bad.idx", bytes);
            FormatException e = assertThrows(FormatException.class, () -> Idx.read(f, Idx.ALL));
            assertTrue(e.getMessage().startsWith(f + ": ") && e.getMessage().contains(fragment), e.getMessage());
            assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        }
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
