package io.gendict.core.io;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static io.gendict.core.io.NpyBytes.dict;
import static io.gendict.core.io.NpyBytes.littleEndian;
import static io.gendict.core.io.NpyBytes.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpzTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsStoredAndDeflatedInOrder() throws IOException {
        Map<String, DMatrixRMaj> in = new LinkedHashMap<>();
        in.put("zeta", DMatrixRMaj.wrap(2, 2, new double[]{1, 2, 3, 4}));
        in.put("alpha", DMatrixRMaj.wrap(1, 3, new double[]{-1, 0.5, 1e-300}));
        in.put("mid", new DMatrixRMaj(50, 40));
        for (boolean compress : new boolean[]{false, true}) {
            Path f = dir.resolve("m" + compress + ".npz");
            Npz.write(f, in, compress);
            Map<String, DMatrixRMaj> out = Npz.read(f);
            assertEquals(List.copyOf(in.keySet()), List.copyOf(out.keySet()));
            for (String key : in.keySet()) {
                assertEquals(in.get(key).numRows, out.get(key).numRows);
                assertArrayEquals(in.get(key).data, out.get(key).data);
            }
            try (ZipFile zip = new ZipFile(f.toFile())) {
                int method = zip.getEntry("mid.npy").getMethod();
                assertEquals(compress ? ZipEntry.DEFLATED : ZipEntry.STORED, method);
            }
        }
        assertTrue(Files.size(dir.resolve("mtrue.npz")) < Files.size(dir.resolve("mfalse.npz")));
    }

    @Test
    void rawAccessKeepsTypesAndShapes() {
        Map<String, NdArray> in = new LinkedHashMap<>();
        in.put("labels", NdArray.of(ElementType.UINT8, ByteOrder.LITTLE_ENDIAN, new int[]{3}, false,
                new double[]{7, 0, 9}));
        in.put("cube", NdArray.of(ElementType.INT16, ByteOrder.BIG_ENDIAN, new int[]{2, 1, 2}, true,
                new double[]{1, -2, 3, -4}));
        Path f = dir.resolve("raw.npz");
        Npz.writeArrays(f, in, true);
        Map<String, NdArray> out = Npz.readArrays(f);
        assertEquals(ElementType.UINT8, out.get("labels").type());
        assertArrayEquals(new int[]{2, 1, 2}, out.get("cube").shape());
        assertArrayEquals(new double[]{1, -2, 3, -4}, out.get("cube").toDoubles());
        FormatException e = assertThrows(FormatException.class, () -> Npz.read(f));
        assertTrue(e.getMessage().contains("raw.npz[cube.npy]") && e.getMessage().contains("3-D"), e.getMessage());
    }

    @Test
    void rejectsFilesThatAreNotZipArchives() throws IOException {
        Path f = Files.write(dir.resolve("junk.npz"), new byte[]{1, 2, 3, 4, 5});
        FormatException e = assertThrows(FormatException.class, () -> Npz.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("not a valid"), e.getMessage());
    }

    @Test
    void rejectsForeignEntriesAndBadArrays() throws IOException {
        Path foreign = zip("foreign.npz", false, "notes.txt", new byte[]{1});
        assertTrue(assertThrows(FormatException.class, () -> Npz.read(foreign)).getMessage()
                .contains("[notes.txt]: not a .npy entry"));
        byte[] truncated = npy(1, dict("<f8", false, "(1000000,)"), littleEndian(1, 2));
        for (boolean deflate : new boolean[]{false, true}) {
            Path f = zip("lying" + deflate + ".npz", deflate, "x.npy", truncated);
            FormatException e = assertThrows(FormatException.class, () -> Npz.read(f));
            assertTrue(e.getMessage().contains("[x.npy]: truncated"), e.getMessage());
        }
    }

    @Test
    void everyFlippedBitOfAStoredEntryIsRefused() throws IOException {
        Path f = dir.resolve("s.npz");
        Npz.write(f, Map.of("a", DMatrixRMaj.wrap(2, 3, new double[]{1, 2, 3, 4, 5, 6})), false);
        byte[] bytes = Files.readAllBytes(f);
        int start = indexOf(bytes, new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'});
        long size;
        try (ZipFile zip = new ZipFile(f.toFile())) {
            size = zip.getEntry("a.npy").getSize();
        }
        for (int i = start; i < start + size; i++) {
            byte[] bad = bytes.clone();
            bad[i] ^= 0x01;
            Path g = Files.write(dir.resolve("bad.npz"), bad);
            assertThrows(FormatException.class, () -> Npz.read(g), "flip at " + i);
        }
        byte[] bad = bytes.clone();
        bad[(int) (start + size - 1)] ^= 0x01;
        Path g = Files.write(dir.resolve("bad.npz"), bad);
        assertTrue(assertThrows(FormatException.class, () -> Npz.read(g)).getMessage()
                .startsWith(g + "[a.npy]: CRC-32 mismatch"));
    }

    @Test
    void missingFileAndEmptyKeys() {
        GendictException e = assertThrows(GendictException.class, () -> Npz.read(dir.resolve("none.npz")));
        assertEquals(ErrorKind.IO, e.kind());
        assertTrue(e.getMessage().contains("none.npz"));
        GendictException k = assertThrows(GendictException.class, () -> Npz.write(dir.resolve("k.npz"),
                Map.of("", new DMatrixRMaj(1, 1)), false));
        assertEquals(ErrorKind.INVALID_INPUT, k.kind());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private Path zip(String name, boolean deflate, String entry, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setMethod(deflate ? ZipOutputStream.DEFLATED : ZipOutputStream.STORED);
            ZipEntry e = new ZipEntry(entry);
            if (!deflate) {
                CRC32 crc = new CRC32();
                crc.update(content);
                e.setSize(content.length);
                e.setCrc(crc.getValue());
            }
            zip.putNextEntry(e);
            zip.write(content);
            zip.closeEntry();
        }
        return f;
    }
}
