package io.gendict.core.io;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads files written by NumPy itself (see make_fixtures.py next to them). */
class NumPyFixturesTest {
    private static final double[] M23 = {-1, -0.5, 0, 0.5, 1, 1.5};

    @TempDir
    Path dir;

    @Test
    void readsFloat64CorderAndVersionsTwoAndThree() {
        for (String name : List.of("f8_c_2x3.npy", "f8_v2.npy", "f8_v3.npy")) {
            DMatrixRMaj m = Npy.readMatrix(fixture(name));
            assertEquals(2, m.numRows, name);
            assertArrayEquals(M23, m.data, name);
        }
        assertEquals(2, Npy.readHeader(fixture("f8_v2.npy")).version());
        assertEquals(3, Npy.readHeader(fixture("f8_v3.npy")).version());
    }

    @Test
    void readsBigEndianFortranFloat32() {
        NpyHeader h = Npy.readHeader(fixture("f4_be_fortran_3x2.npy"));
        assertEquals(">f4", h.descr());
        assertTrue(h.fortranOrder());
        assertEquals(ByteOrder.BIG_ENDIAN, h.order());
        DMatrixRMaj m = Npy.readMatrix(fixture("f4_be_fortran_3x2.npy"));
        assertEquals(3, m.numRows);
        assertArrayEquals(new double[]{1.5, -2, 3, 4.25, 5, 6}, m.data);
    }

    @Test
    void readsIntegerTypes() {
        assertArrayEquals(new int[]{1, -2, 3, Integer.MAX_VALUE}, Npy.read(fixture("i4_1d.npy")).toInts("i4"));
        assertArrayEquals(new double[]{-(double) (1L << 40), 1, 2, 3}, Npy.read(fixture("i8_be_2x2.npy")).toDoubles());
        NdArray bytes = Npy.read(fixture("u1_2x3.npy"));
        assertEquals("|u1", Npy.readHeader(fixture("u1_2x3.npy")).descr());
        assertArrayEquals(new double[]{0, 1, 2, 253, 254, 255}, bytes.toDoubles());
    }

    @Test
    void ourFloat64FileIsByteIdenticalToNumPys() throws IOException {
        Path ours = dir.resolve("ours.npy");
        Npy.write(ours, DMatrixRMaj.wrap(2, 3, M23.clone()));
        assertArrayEquals(Files.readAllBytes(fixture("f8_c_2x3.npy")), Files.readAllBytes(ours));
    }

    @Test
    void readsStoredAndDeflatedNpz() {
        for (String name : List.of("pair_stored.npz", "pair_deflated.npz")) {
            Map<String, DMatrixRMaj> m = Npz.read(fixture(name));
            assertEquals(List.of("a", "b"), List.copyOf(m.keySet()), name);
            assertArrayEquals(M23, m.get("a").data, name);
            assertEquals(3, m.get("b").numRows, name);
            assertEquals(ElementType.INT64, Npz.readArrays(fixture(name)).get("b").type(), name);
        }
    }

    @Test
    void readsIdxPlainAndGzip() {
        double[] pixels = new double[18];
        for (int i = 0; i < 18; i++) {
            pixels[i] = 15 * i;
        }
        for (String suffix : List.of("", ".gz")) {
            DMatrixRMaj raw = Idx.readImages(fixture("images-idx3-ubyte" + suffix), Idx.ALL, true);
            assertEquals(3, raw.numRows);
            assertEquals(6, raw.numCols);
            assertArrayEquals(pixels, raw.data);
            DMatrixRMaj scaled = Idx.readImages(fixture("images-idx3-ubyte" + suffix), 2, false);
            assertEquals(2, scaled.numRows);
            assertEquals(15 / 255.0, scaled.get(0, 1), 0);
            assertArrayEquals(new int[]{7, 0, 9}, Idx.readLabels(fixture("labels-idx1-ubyte" + suffix), Idx.ALL));
            assertArrayEquals(new int[]{7}, Idx.readLabels(fixture("labels-idx1-ubyte" + suffix), 1));
        }
    }

    /** @return the fixture copied to the temporary folder (resources may live in a jar) */
    private Path fixture(String name) {
        Path target = dir.resolve(name);
        if (Files.exists(target)) {
            return target;
        }
        try (InputStream in = NumPyFixturesTest.class.getResourceAsStream(name)) {
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
