package io.gendict.core.io;

import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * Feeds random bytes and mutated valid files (bit flips, truncations, header byte edits, inserted
 * digits) to every parser: only {@link GendictException} may escape, and no parse allocates more than
 * {@link #ALLOCATION_LIMIT} bytes however large the sizes it is told.
 */
class FormatProperties {
    private static final long ALLOCATION_LIMIT = 24L << 20;
    private static final byte[] INTERESTING = "0123456789-(),' TF9\n\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void npyParsersOnlyThrowGendictExceptions() {
        List<byte[]> valid = validNpy();
        qt().withFixedSeed(20261128L).withExamples(400)
                .forAll(Generate.range(0, valid.size() - 1), mutations())
                .checkAssert((base, ops) -> {
                    byte[] bytes = mutate(valid.get(base), ops);
                    survive(() -> Npy.read(new ByteArrayInputStream(bytes), "fuzz.npy").toDoubles());
                    Path f = write("fuzz.npy", bytes);
                    survive(() -> Npy.readMatrix(f));
                    survive(() -> {
                        MappedNpy mapped = MappedNpy.open(f);
                        int[] all = new int[mapped.rows()];
                        Arrays.setAll(all, i -> i);
                        mapped.readRows(all, new DMatrixRMaj(1, 1));
                    });
                });
    }

    @Test
    void idxParserOnlyThrowsGendictExceptions() {
        List<byte[]> valid = validIdx();
        qt().withFixedSeed(8051L).withExamples(400)
                .forAll(Generate.range(0, valid.size() - 1), mutations())
                .checkAssert((base, ops) -> {
                    byte[] bytes = mutate(valid.get(base), ops);
                    survive(() -> Idx.read(new ByteArrayInputStream(bytes), "fuzz.idx", Idx.ALL));
                    survive(() -> Idx.read(new ByteArrayInputStream(bytes), "fuzz.idx", 2));
                    Path f = write("fuzz.idx", bytes);
                    survive(() -> Idx.readImages(f, Idx.ALL, false));
                    survive(() -> Idx.readLabels(f, Idx.ALL));
                });
    }

    @Test
    void npzReaderOnlyThrowsGendictExceptions() {
        List<byte[]> valid = validNpz();
        qt().withFixedSeed(2049L).withExamples(300)
                .forAll(Generate.range(0, valid.size() - 1), mutations())
                .checkAssert((base, ops) -> {
                    Path f = write("fuzz.npz", mutate(valid.get(base), ops));
                    survive(() -> Npz.readArrays(f));
                    survive(() -> Npz.read(f));
                });
    }

    @Test
    void randomBytesNeverEscapeAsOtherExceptions() {
        qt().withFixedSeed(7L).withExamples(400)
                .forAll(Generate.byteArrays(Generate.range(0, 300), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)))
                .checkAssert(bytes -> {
                    survive(() -> Npy.read(new ByteArrayInputStream(bytes), "r.npy"));
                    survive(() -> Idx.read(new ByteArrayInputStream(bytes), "r.idx", Idx.ALL));
                    survive(() -> Npz.readArrays(write("r.npz", bytes)));
                });
    }

    /** @return up to six edit codes: op = code % 4, position and value from code / 4 */
    private static Gen<int[]> mutations() {
        return Generate.intArrays(Generate.range(1, 6), Generate.range(0, Integer.MAX_VALUE));
    }

    private static byte[] mutate(byte[] valid, int[] ops) {
        byte[] b = valid.clone();
        for (int code : ops) {
            int arg = code >>> 2;
            int len = b.length;
            switch (code & 3) {
                case 0 -> {
                    if (len > 0) {
                        b[arg % len] ^= (byte) (1 << (arg / len % 8));
                    }
                }
                case 1 -> b = Arrays.copyOf(b, arg % (len + 1));
                case 2 -> {
                    if (len > 0) {
                        int pos = arg % Math.min(len, 128);
                        b[pos] = INTERESTING[arg / 128 % INTERESTING.length];
                    }
                }
                default -> {
                    int pos = arg % (Math.min(len, 128) + 1);
                    byte[] digits = "99999999".getBytes(StandardCharsets.US_ASCII);
                    byte[] grown = new byte[len + digits.length];
                    System.arraycopy(b, 0, grown, 0, pos);
                    System.arraycopy(digits, 0, grown, pos, digits.length);
                    System.arraycopy(b, pos, grown, pos + digits.length, len - pos);
                    b = grown;
                }
            }
        }
        return b;
    }


    private static void survive(Runnable parse) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            parse.run();
        } catch (GendictException expected) {
            assertTrue(expected.getMessage().contains("fuzz") || expected.getMessage().contains("r."),
                    expected.getMessage());
        }
        long used = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(used < ALLOCATION_LIMIT, "allocated " + used + " bytes");
    }

    private static List<byte[]> validNpy() {
        List<byte[]> files = new ArrayList<>();
        double[] values = {1, 2, 3, 4, 5, 6};
        int version = 1;
        for (ElementType type : ElementType.values()) {
            for (boolean fortran : new boolean[]{false, true}) {
                ByteOrder order = fortran ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                int[] shape = fortran ? new int[]{3, 2} : new int[]{6};
                files.add(npy(NdArray.of(type, order, shape, fortran, values), version % 3 + 1));
                version++;
            }
        }
        return files;
    }

    private static byte[] npy(NdArray a, int version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Npy.write(out, a, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<byte[]> validIdx() {
        List<byte[]> files = new ArrayList<>();
        for (ElementType type : ElementType.values()) {
            if (type.idxCode() >= 0) {
                byte[] images = IdxTest.idx(type, new int[]{3, 2, 2}, new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
                files.add(images);
                files.add(IdxTest.gzip(images));
            }
        }
        byte[] labels = IdxTest.idx(ElementType.UINT8, new int[]{4}, new double[]{1, 0, 9, 3});
        files.add(labels);
        files.add(IdxTest.gzip(labels));
        return files;
    }

    private List<byte[]> validNpz() {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("a", NdArray.of(ElementType.FLOAT64, ByteOrder.LITTLE_ENDIAN, new int[]{2, 2}, false,
                new double[]{1, 2, 3, 4}));
        arrays.put("b", NdArray.of(ElementType.INT32, ByteOrder.BIG_ENDIAN, new int[]{3}, false, new double[]{7, 8, 9}));
        List<byte[]> files = new ArrayList<>();
        for (boolean compress : new boolean[]{false, true}) {
            Path f = dir.resolve("valid" + compress + ".npz");
            Npz.writeArrays(f, arrays, compress);
            try {
                files.add(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
