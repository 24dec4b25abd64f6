package io.gendict.core.io;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static io.gendict.core.io.NpyBytes.dict;
import static io.gendict.core.io.NpyBytes.littleEndian;
import static io.gendict.core.io.NpyBytes.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappedNpyTest {
    private static final int ROWS = 3001;
    private static final int COLS = 97;

    @TempDir
    Path dir;
    private DMatrixRMaj full;
    private Path file;

    @BeforeEach
    void writeAFewMegabytes() {
        SplittableRandom rng = new SplittableRandom(11);
        full = new DMatrixRMaj(ROWS, COLS);
        for (int i = 0; i < full.data.length; i++) {
            full.data[i] = rng.nextDouble() - 0.5;
        }
        file = dir.resolve("big.npy");
        Npy.write(file, full);
    }

    @Test
    void readsShuffledRowBatchesAcrossSegmentBoundaries() throws IOException {
        assertTrue(Files.size(file) > 2_000_000);
        for (long segment : new long[]{MappedNpy.DEFAULT_SEGMENT_BYTES, 1 << 16, 8 * 1000, 8 * 12_345}) {
            MappedNpy mapped = MappedNpy.open(file, segment);
            assertEquals(ROWS, mapped.rows());
            assertEquals(COLS, mapped.cols());
            int[] order = permutation(ROWS, new SplittableRandom(segment));
            DMatrixRMaj batch = new DMatrixRMaj(1, 1);
            for (int from = 0; from < ROWS; from += 128) {
                int count = Math.min(128, ROWS - from);
                mapped.readRows(order, from, count, batch);
                assertEquals(count, batch.numRows);
                for (int i = 0; i < count; i++) {
                    assertRow(order[from + i], batch, i);
                }
            }
        }
    }

    @Test
    void reusesTheCallersMatrixAndReadsRanges() {
        MappedNpy mapped = MappedNpy.open(file);
        DMatrixRMaj out = new DMatrixRMaj(64, COLS);
        double[] storage = out.data;
        mapped.readRows(new int[]{5, 5, 0, ROWS - 1}, out);
        assertSame(storage, out.data);
        assertRow(5, out, 0);
        assertRow(5, out, 1);
        assertRow(ROWS - 1, out, 3);
        mapped.readRange(100, 3, out);
        assertRow(102, out, 2);
    }

    @Test
    void readsFortranOrderBigEndianAndOneDimensionalFiles() {
        double[] values = {1, 2, 3, 4, 5, 6};
        Path f = dir.resolve("f.npy");
        Npy.write(f, NdArray.of(ElementType.INT16, ByteOrder.BIG_ENDIAN, new int[]{3, 2}, true, values));
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        MappedNpy.open(f, 8).readRows(new int[]{2, 0}, out);
        assertArrayEquals(new double[]{5, 6, 1, 2}, out.data, 0);
        Path v = dir.resolve("v.npy");
        Npy.write(v, NdArray.of(ElementType.FLOAT32, ByteOrder.LITTLE_ENDIAN, new int[]{4}, false,
                new double[]{9, 8, 7, 6}));
        MappedNpy vector = MappedNpy.open(v);
        assertEquals(4, vector.rows());
        assertEquals(1, vector.cols());
        vector.readRows(new int[]{3, 1}, out);
        assertEquals(6, out.get(0, 0));
        assertEquals(8, out.get(1, 0));
    }

    @Test
    void rejectsBadRowsAndFiles() throws IOException {
        MappedNpy mapped = MappedNpy.open(file);
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        GendictException e = assertThrows(GendictException.class, () -> mapped.readRows(new int[]{0, ROWS}, out));
        assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
        assertTrue(e.getMessage().contains("row index " + ROWS), e.getMessage());
        assertThrows(GendictException.class, () -> mapped.readRows(new int[]{1, 2}, 1, 2, out));
        assertThrows(GendictException.class, () -> mapped.readRange(ROWS - 1, 2, out));
        Path cube = Files.write(dir.resolve("cube.npy"), npy(1, dict("<f8", false, "(1, 1, 2)"), littleEndian(1, 2)));
        assertTrue(assertThrows(FormatException.class, () -> MappedNpy.open(cube)).getMessage().contains("1-D or 2-D"));
        Path lying = Files.write(dir.resolve("lying.npy"), npy(1, dict("<f8", false, "(100000, 100000)"), littleEndian(1)));
        assertTrue(assertThrows(FormatException.class, () -> MappedNpy.open(lying)).getMessage().contains("truncated"));
        assertEquals(ErrorKind.IO, assertThrows(GendictException.class,
                () -> MappedNpy.open(dir.resolve("none.npy"))).kind());
    }

    private void assertRow(int row, DMatrixRMaj batch, int i) {
        assertTrue(Arrays.equals(full.data, row * COLS, (row + 1) * COLS, batch.data, i * COLS, (i + 1) * COLS),
                () -> "row " + row + " at batch position " + i);
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
