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
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static io.gendict.core.io.NpyBytes.dict;
import static io.gendict.core.io.NpyBytes.littleEndian;
import static io.gendict.core.io.NpyBytes.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {
    private static final double[] SIX = {-1, -0.5, 0, 0.5, 1, 1.5};

    @TempDir
    Path dir;

    @Test
    void readsHeaderBytesExactlyAsNumPyWritesThem() throws IOException {
        byte[] bytes = npy(1, dict("<f8", false, "(2, 3)"), littleEndian(SIX));
        assertEquals(128 + 48, bytes.length);
        NdArray a = Npy.read(new ByteArrayInputStream(bytes), "x.npy");
        assertArrayEquals(new int[]{2, 3}, a.shape());
        assertEquals(ElementType.FLOAT64, a.type());
        DMatrixRMaj m = a.toMatrix("x.npy");
        assertEquals(2, m.numRows);
        assertEquals(3, m.numCols);
        assertArrayEquals(SIX, m.data);
    }

    @Test
    void writerProducesNumPyBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, NdArray.ofMatrix(DMatrixRMaj.wrap(2, 3, SIX.clone()), ElementType.FLOAT64), 0);
        assertArrayEquals(npy(1, dict("<f8", false, "(2, 3)"), littleEndian(SIX)), out.toByteArray());
    }

    @Test
    void roundTripsEveryTypeOrderByteOrderAndVersion() throws IOException {
        double[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 127};
        int[] shape = {2, 3, 4};
        for (ElementType type : ElementType.values()) {
            for (ByteOrder order : new ByteOrder[]{ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (boolean fortran : new boolean[]{false, true}) {
                    for (int version = 1; version <= 3; version++) {
                        NdArray a = NdArray.of(type, order, shape, fortran, values);
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        Npy.write(out, a, version);
                        NdArray back = Npy.read(new ByteArrayInputStream(out.toByteArray()), "rt.npy");
                        String what = type + " " + order + " fortran=" + fortran + " v" + version;
                        assertArrayEquals(values, back.toDoubles(), what);
                        assertArrayEquals(shape, back.shape(), what);
                        assertEquals(type, back.type(), what);
                        assertEquals(fortran, back.fortranOrder(), what);
                        assertEquals(type.size() == 1 ? ByteOrder.LITTLE_ENDIAN : order, back.order(), what);
                        assertEquals(version, (out.toByteArray()[6]), what);
                        assertEquals(0, (out.size() - type.size() * values.length) % 64, what);
                    }
                }
            }
        }
    }

    @Test
    void fortranOrderStoresColumnMajor() {
        NdArray a = NdArray.of(ElementType.INT32, ByteOrder.LITTLE_ENDIAN, new int[]{2, 3}, true,
                new double[]{1, 2, 3, 4, 5, 6});
        int[] stored = new int[6];
        a.data().asIntBuffer().get(stored);
        assertArrayEquals(new int[]{1, 4, 2, 5, 3, 6}, stored);
    }

    @Test
    void matrixFilesRoundTripInBothPrecisions() {
        DMatrixRMaj m = DMatrixRMaj.wrap(2, 3, new double[]{0.1, -2, 3e200, 4, 5, 6});
        Path f8 = dir.resolve("m8.npy");
        Npy.write(f8, m);
        assertArrayEquals(m.data, Npy.readMatrix(f8).data);
        assertEquals("<f8", Npy.readHeader(f8).descr());
        Path f4 = dir.resolve("m4.npy");
        Npy.write(f4, DMatrixRMaj.wrap(1, 2, new double[]{0.1, 3}), ElementType.FLOAT32);
        assertEquals("<f4", Npy.readHeader(f4).descr());
        assertArrayEquals(new double[]{(float) 0.1, 3}, Npy.readMatrix(f4).data);
        GendictException e = assertThrows(GendictException.class,
                () -> Npy.write(dir.resolve("u.npy"), m, ElementType.UINT8));
        assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
    }

    @Test
    void oneDimensionalArraysAreColumnsAndScalarsOneByOne() throws IOException {
        NdArray vector = Npy.read(new ByteArrayInputStream(npy(1, dict("<f8", false, "(3,)"),
                littleEndian(1, 2, 3))), "v.npy");
        DMatrixRMaj m = vector.toMatrix("v.npy");
        assertEquals(3, m.numRows);
        assertEquals(1, m.numCols);
        NdArray scalar = Npy.read(new ByteArrayInputStream(npy(1, dict("<f8", false, "()"), littleEndian(7))), "s");
        assertEquals(7, scalar.toMatrix("s").get(0, 0));
    }

    @Test
    void matrixReadsRejectMoreThanTwoDimensions() {
        Path f = write("cube.npy", npy(1, dict("<f8", false, "(1, 2, 1)"), littleEndian(1, 2)));
        FormatException e = assertThrows(FormatException.class, () -> Npy.readMatrix(f));
        assertTrue(e.getMessage().contains("cube.npy") && e.getMessage().contains("3-D"), e.getMessage());
    }

    @Test
    void acceptsHeaderVariantsNumPyHasWritten() throws IOException {
        String[] dicts = {
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 3L), }",
            "{\"shape\": (2, 3), \"fortran_order\": False, \"descr\": \"<f8\"}",
            "{'descr':'<f8','fortran_order':False,'shape':(2,3)}",
        };
        for (String d : dicts) {
            NdArray a = Npy.read(new ByteArrayInputStream(npy(1, d, littleEndian(SIX))), "v.npy");
            assertArrayEquals(SIX, a.toDoubles(), d);
        }
    }

    @Test
    void rejectsBadMagicAndVersions() {
        byte[] good = npy(1, dict("<f8", false, "(1,)"), littleEndian(1));
        byte[] magic = good.clone();
        magic[1] = 'X';
        assertFormat(magic, "bad magic");
        byte[] version = good.clone();
        version[6] = 4;
        assertFormat(version, "version 4.0");
        byte[] minor = good.clone();
        minor[7] = 1;
        assertFormat(minor, "version 1.1");
        assertFormat(new byte[]{(byte) 0x93, 'N', 'U'}, "truncated");
        assertFormat(new byte[0], "truncated");
    }

    @Test
    void rejectsLyingOrOversizedHeaderLength() {
        byte[] good = npy(2, dict("<f8", false, "(1,)"), littleEndian(1));
        byte[] huge = good.clone();
        huge[8] = huge[9] = huge[10] = huge[11] = (byte) 0xFF;
        assertFormat(huge, "header length 4294967295 exceeds");
        byte[] beyond = good.clone();
        beyond[8] = (byte) 0xF0;
        beyond[9] = (byte) 0xFF;
        beyond[10] = 0x0F;
        assertFormat(beyond, "truncated");
    }

    @Test
    void rejectsBadHeaderDicts() {
        String[][] cases = {
            {"[1, 2]", "expected a dict"},
            {"{'descr': '<f8', 'fortran_order': False}", "expected a dict"},
            {"{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1}", "expected a dict"},
            {"{'descr': '<f8', 'fortran_order': False, 'shape': (1,)", "expected ',' or '}'"},
            {"{'descr': '<f8', 'fortran_order': False, 'shape': (1,", "ends early"},
            {"{'descr': '<f8', 'fortran_order': 0, 'shape': (1,), }", "fortran_order"},
            {"{'descr': '<f8', 'fortran_order': False, 'shape': 1, }", "expected a tuple"},
            {"{'descr': '<f8', 'fortran_order': False, 'shape': (1,), } x", "unexpected text"},
            {"{'descr: '<f8', 'fortran_order': False, 'shape': (1,), }", "expected ':'"},
            {"{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", "repeats"},
            {"{'descr': '<f8', 'fortran_order': False, 'shape': (((((((((((1,),),),),),),),),),),), }", "nested"},
            {"{'descr': '<f8', 'fortran_order': False, 'shape': (None,), }", "unexpected character"},
            {"{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }", "out of range"},
        };
        for (String[] c : cases) {
            assertFormat(npy(1, c[0], littleEndian(1)), c[1]);
        }
    }

    @Test
    void rejectsUnsupportedDtypes() {
        for (String descr : new String[]{"<c16", "<U5", "|b1", "f8", "", "|f8", "<u8"}) {
            assertFormat(npy(1, dict(descr, false, "(1,)"), littleEndian(1)), "unsupported dtype");
        }
        assertFormat(npy(1, "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }", littleEndian(1)),
                "structured");
    }

    @Test
    void rejectsZeroNegativeAndOverflowingDimensions() {
        assertFormat(npy(1, dict("<f8", false, "(0, 3)"), new byte[0]),
                "holds an empty array (shape (0, 3)); expected at least one element along every dimension");
        assertFormat(npy(1, dict("<f8", false, "(-2, 3)"), littleEndian(1)), "must be a positive integer");
        assertFormat(npy(1, dict("<f8", false, "(4294967296, 4294967296)"), littleEndian(1)), "overflows");
        assertFormat(npy(1, dict("<f8", false, "(1, True)"), littleEndian(1)), "must be a positive integer");
    }

    @Test
    void rejectsTruncatedAndOverlongDataWithoutAllocatingTheClaim() {
        assertFormat(npy(1, dict("<f8", false, "(2, 3)"), littleEndian(1, 2, 3)), "truncated");
        assertFormat(npy(1, dict("<f8", false, "(2,)"), littleEndian(1, 2, 3)), "after");
        assertFormat(npy(1, dict("<f8", false, "(200000000,)"), littleEndian(1, 2, 3)), "truncated");
        assertFormat(npy(1, dict("<f8", false, "(100000, 100000)"), littleEndian(1, 2, 3)), "more than one Java array");
    }

    @Test
    void fileReadsCheckTheFileSizeBeforeReading() {
        Path f = write("short.npy", npy(1, dict("<f8", false, "(200000000,)"), littleEndian(1, 2, 3)));
        FormatException e = assertThrows(FormatException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("holds 24"), e.getMessage());
        Path g = write("long.npy", npy(1, dict("<f8", false, "(2,)"), littleEndian(1, 2, 3)));
        assertTrue(assertThrows(FormatException.class, () -> Npy.readHeader(g)).getMessage().contains("size mismatch"));
    }

    @Test
    void missingFileIsAnIoError() {
        Path f = dir.resolve("absent.npy");
        GendictException e = assertThrows(GendictException.class, () -> Npy.read(f));
        assertEquals(ErrorKind.IO, e.kind());
        assertTrue(e.getMessage().contains("absent.npy") && e.getMessage().contains("no such file"), e.getMessage());
        assertFalse(e instanceof FormatException);
    }

    @Test
    void integerConversionsCheckRanges() {
        NdArray big = NdArray.of(ElementType.INT64, ByteOrder.LITTLE_ENDIAN, new int[]{2}, false,
                new double[]{1, 1L << 40});
        assertTrue(assertThrows(FormatException.class, () -> big.toInts("b.npy")).getMessage().contains("int range"));
        NdArray floats = NdArray.of(ElementType.FLOAT32, ByteOrder.LITTLE_ENDIAN, new int[]{1}, false, new double[]{1});
        assertThrows(FormatException.class, () -> floats.toInts("f.npy"));
        assertThrows(GendictException.class, () -> NdArray.of(ElementType.UINT8, ByteOrder.LITTLE_ENDIAN,
                new int[]{1}, false, new double[]{256}));
        assertThrows(GendictException.class, () -> NdArray.of(ElementType.INT32, ByteOrder.LITTLE_ENDIAN,
                new int[]{1}, false, new double[]{0.5}));
        assertThrows(GendictException.class, () -> NdArray.of(ElementType.INT32, ByteOrder.LITTLE_ENDIAN,
                new int[]{2}, false, new double[]{1}));
        assertThrows(GendictException.class, () -> NdArray.of(ElementType.INT32, ByteOrder.LITTLE_ENDIAN,
                new int[]{0}, false, new double[0]));
    }

    @Test
    void writesVersionTwoWhenTheHeaderDoesNotFitVersionOne() throws IOException {
        int[] shape = new int[25000];
        Arrays.fill(shape, 1);
        NdArray a = NdArray.of(ElementType.UINT8, ByteOrder.LITTLE_ENDIAN, shape, false, new double[]{9});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a, 0);
        assertEquals(2, out.toByteArray()[6]);
        assertEquals(25000, Npy.read(new ByteArrayInputStream(out.toByteArray()), "w.npy").ndim());
        GendictException e = assertThrows(GendictException.class, () -> Npy.write(new ByteArrayOutputStream(), a, 1));
        assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
    }

    private void assertFormat(byte[] bytes, String fragment) {
        FormatException s = assertThrows(FormatException.class,
                () -> Npy.read(new ByteArrayInputStream(bytes), "bad.npy"));
        assertTrue(s.getMessage().startsWith("bad.npy: ") && s.getMessage().contains(fragment), s.getMessage());
        assertEquals(ErrorKind.INVALID_INPUT, s.kind());
        Path f = write("bad.npy", bytes);
        FormatException p = assertThrows(FormatException.class, () -> Npy.read(f));
        assertTrue(p.getMessage().startsWith(f.toString()), p.getMessage());
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
