package io.gendict.core.io;

import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NpyRowWriterTest {
    @TempDir
    Path dir;

    @Test
    void blocksOfRowsGiveTheBytesOfTheWholeMatrix() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        DMatrixRMaj m = new DMatrixRMaj(1000, 13);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        Path whole = dir.resolve("whole.npy");
        Npy.write(whole, m);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyRowWriter writer = new NpyRowWriter(out, 1000, 13);
        for (int first = 0; first < 1000; first += 300) {
            writer.write(CommonOps_DDRM.extract(m, first, Math.min(1000, first + 300), 0, 13));
        }
        writer.finish();
        assertArrayEquals(Files.readAllBytes(whole), out.toByteArray());
    }

    @Test
    void rowsBeyondOrShortOfTheAnnouncedShapeAreRefused() throws Exception {
        NpyRowWriter writer = new NpyRowWriter(new ByteArrayOutputStream(), 2, 3);
        writer.write(new DMatrixRMaj(1, 3));
        assertThrows(IllegalStateException.class, writer::finish);
        assertThrows(GendictException.class, () -> writer.write(new DMatrixRMaj(2, 3)));
        assertThrows(GendictException.class, () -> writer.write(new DMatrixRMaj(1, 4)));
    }
}
