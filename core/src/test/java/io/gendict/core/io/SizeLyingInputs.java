package io.gendict.core.io;

import io.gendict.core.codec.CodeContainer;
import io.gendict.core.error.GendictException;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Child process of {@link SizeLyingInputsTest}, run under a small heap: reads seeded inputs whose
 * headers claim sizes far from what they hold (and a few that honestly claim more than the heap) as
 * compressed codes, .npz and gzip IDX, and prints one line per case: its name and "ok", the
 * {@link GendictException}'s kind, or the class of anything else that escaped.
 */
public final class SizeLyingInputs {
    private static final long[] SIZES = {0, 1, 7, 1000, 65_536, 1L << 24, Integer.MAX_VALUE - 8L,
        Integer.MAX_VALUE, 1L << 32, -1, Integer.MIN_VALUE};
    private static final byte[] MODEL = new byte[32];

    private SizeLyingInputs() {
    }

    /** @param args the folder to write the inputs into, then the number of random cases per format */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int cases = Integer.parseInt(args[1]);
        SplittableRandom rng = new SplittableRandom(20);
        for (int i = 0; i < cases; i++) {
            byte[] container = container(rng);
            report("container " + i, () -> CodeContainer.decode(container, "c.gdz", MODEL));
            Path npz = Files.write(dir.resolve("lying-" + i + ".npz"), npz(npyHeader(rng), rng.nextInt(64)));
            report("npz " + i, () -> Npz.readArrays(npz));
            Path idx = Files.write(dir.resolve("lying-" + i + ".idx.gz"), gzip(idxHeader(rng), rng.nextInt(64)));
            report("idx " + i, () -> Idx.readImages(idx, Idx.ALL, false));
        }
        // honest claims, more than a 64 MB heap: 12.5 M float64 zeros and 100 M ubyte zeros, all present
        Path npz = Files.write(dir.resolve("honest.npz"), npz(shapeHeader("<f8", "(12500000,)"), 100_000_000));
        report("npz honest", () -> Npz.readArrays(npz));
        byte[] idxHead = {0, 0, 8, 3, 0, 0, 0x27, 0x10, 0, 0, 0, 100, 0, 0, 0, 100};
        Path idx = Files.write(dir.resolve("honest.idx.gz"), gzip(idxHead, 100_000_000));
        report("idx honest", () -> Idx.readImages(idx, Idx.ALL, false));
    }

    private static void report(String name, Runnable read) {
        String outcome;
        try {
            read.run();
            outcome = "ok";
        } catch (GendictException e) {
            outcome = e.kind().name();
        } catch (Throwable t) {
            outcome = t.getClass().getName() + ": " + t.getMessage();
        }
        System.out.println(name + "\t" + outcome);
    }

    private static long size(SplittableRandom rng) {
        return rng.nextBoolean() ? SIZES[rng.nextInt(SIZES.length)] : rng.nextLong(1L << rng.nextInt(1, 40));
    }

    private static byte[] container(SplittableRandom rng) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'G', 'D', 'C', 'Z'});
        out.writeShort(rng.nextInt(1, 3));
        out.writeShort(rng.nextInt(2));
        out.writeInt((int) size(rng));
        out.writeInt((int) size(rng));
        out.writeInt((int) size(rng));
        out.writeByte(rng.nextInt(1, 3));
        out.writeByte(rng.nextInt(1, 20));
        out.write(MODEL);
        byte[] rest = new byte[rng.nextInt(200)];
        rng.nextBytes(rest);
        if (rng.nextBoolean()) {
            out.writeLong(size(rng));
        }
        out.write(rest);
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }

    private static byte[] npyHeader(SplittableRandom rng) {
        String[] types = {"<f8", "<f4", "|u1", ">i4"};
        StringBuilder shape = new StringBuilder("(");
        int dims = rng.nextInt(1, 4);
        for (int d = 0; d < dims; d++) {
            shape.append(Math.abs(size(rng))).append(", ");
        }
        return shapeHeader(types[rng.nextInt(types.length)], shape.append(')').toString());
    }

    private static byte[] shapeHeader(String descr, String shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        StringBuilder h = new StringBuilder(dict);
        while ((10 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        byte[] text = h.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[10 + text.length];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) text.length, (byte) (text.length >> 8)};
        System.arraycopy(magic, 0, b, 0, 10);
        System.arraycopy(text, 0, b, 10, text.length);
        return b;
    }

    private static byte[] idxHeader(SplittableRandom rng) {
        int dims = rng.nextInt(1, 4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {0, 0, (byte) new int[] {8, 0x0D, 0x0E}[rng.nextInt(3)], (byte) dims});
        for (int d = 0; d < dims; d++) {
            long s = size(rng);
            bytes.writeBytes(new byte[] {(byte) (s >> 24), (byte) (s >> 16), (byte) (s >> 8), (byte) s});
        }
        return bytes.toByteArray();
    }

    private static byte[] npz(byte[] header, long zeros) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("a.npy"));
            zip.write(header);
            writeZeros(zip, zeros);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] header, long zeros) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(header);
            writeZeros(gz, zeros);
        }
        return bytes.toByteArray();
    }

    private static void writeZeros(OutputStream out, long n) throws IOException {
        byte[] zeros = new byte[1 << 16];
        for (long left = n; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(left, zeros.length));
        }
    }
}
