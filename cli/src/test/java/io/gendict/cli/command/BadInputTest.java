package io.gendict.cli.command;

import io.gendict.cli.Main;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.io.ElementType;
import io.gendict.core.io.NdArray;
import io.gendict.core.io.Npy;
import io.gendict.core.io.Npz;
import io.gendict.priors.GroupSparsityPriorProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input, through the real entry point: exit code 2, one line on stderr naming the
 * file or option, no stack trace, and no output file left behind.
 */
class BadInputTest {
    private static final String PRIOR = "group-sparsity:n=30,k=3";
    private static final int M = 12;

    @TempDir
    static Path dir;
    private static Path model;
    private static Path good;
    private static Path packed;

    /** One case: the arguments, a text the error must contain, and the output that must not appear. */
    private record Case(String name, String expected, String output, String... args) {
    }

    @BeforeAll
    static void fixtures() throws IOException {
        GroupSparsityPriorProvider provider = new GroupSparsityPriorProvider();
        DMatrixRMaj y = SyntheticSource.builder(provider.create(provider.parameters().validate("group-sparsity",
                Map.of("n", 30, "k", 3))), M, 1).build().next(40).y();
        good = dir.resolve("good.npy");
        Npy.write(good, y);
        model = dir.resolve("model");
        assertEquals("0", run("learn", "--data", good.toString(), "--prior", PRIOR, "--method", "altmin",
                "--batch-size", "20", "--out", model.toString())[0]);
        packed = dir.resolve("good.gdz");
        assertEquals("0", run("compress", "--model", model.toString(), "--in", good.toString(), "--out", packed.toString())[0]);

        Files.writeString(dir.resolve("text.npy"), "hello, not an array\n");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(dir.resolve("truncated.npy"), Arrays.copyOf(bytes, bytes.length - 9));
        Npy.write(dir.resolve("ints.npy"), NdArray.of(ElementType.INT32, ByteOrder.LITTLE_ENDIAN, new int[] {3, M}, false,
                new double[3 * M]));
        Files.write(dir.resolve("empty.npy"), emptyNpy());
        Npy.write(dir.resolve("one-d.npy"), NdArray.of(ElementType.FLOAT64, ByteOrder.LITTLE_ENDIAN, new int[] {5}, false,
                new double[5]));
        DMatrixRMaj nan = y.copy();
        nan.set(7, 2, Double.NaN);
        Npy.write(dir.resolve("nan.npy"), nan);
        DMatrixRMaj inf = y.copy();
        inf.set(3, 1, Double.POSITIVE_INFINITY);
        Npy.write(dir.resolve("inf.npy"), inf);
        Npy.write(dir.resolve("narrow.npy"), new DMatrixRMaj(5, M - 1));
        Files.createDirectories(dir.resolve("folder.npy"));

        copy(model, dir.resolve("model-missing"));
        Files.delete(dir.resolve("model-missing").resolve("prior.json"));
        copy(model, dir.resolve("model-altered"));
        Path dict = dir.resolve("model-altered").resolve("dictionary.npy");
        byte[] d = Files.readAllBytes(dict);
        d[d.length - 1] ^= 1;
        Files.write(dict, d);
        byte[] p = Files.readAllBytes(packed);
        p[p.length / 2] ^= 0x10;
        Files.write(dir.resolve("corrupt.gdz"), p);
        Path resumable = dir.resolve("resumable.npy");
        Npy.write(resumable, y);
        assertEquals("0", run("learn", "--data", resumable.toString(), "--prior", PRIOR, "--method", "altmin",
                "--batch-size", "20", "--checkpoint-every", "1", "--out", dir.resolve("resumable").toString())[0]);
        Npy.write(resumable, new DMatrixRMaj(30, M));
        hugeClaims();
        for (double index : new double[] {Double.NaN, 1.5}) {
            Npz.write(dir.resolve("indices-" + index + ".npz"), Map.of("values", new DMatrixRMaj(1, 2, true, 1, 2),
                    "indices", new DMatrixRMaj(1, 2, true, 0, index)), false);
        }
        for (String tampered : List.of("tampered-state", "tampered-run")) {
            assertEquals("0", run("learn", "--synthetic", "m=" + M, "--batches", "2", "--prior", PRIOR, "--method", "altmin",
                    "--batch-size", "20", "--checkpoint-every", "1", "--out", f(tampered))[0]);
        }
        Path state = checkpoint(dir.resolve("tampered-state")).resolve("state.npz");
        byte[] s = Files.readAllBytes(state);
        s[s.length / 2] ^= 0x01;
        Files.write(state, s);
        Path runJson = checkpoint(dir.resolve("tampered-run")).resolve("run.json");
        Files.writeString(runJson, Files.readString(runJson).replaceFirst("\"seed\": \\d+", "\"seed\": 77"));
        Path other = dir.resolve("other-model");
        assertEquals("0", run("learn", "--data", good.toString(), "--prior", PRIOR, "--method", "altmin",
                "--batch-size", "20", "--seed", "2", "--out", other.toString())[0]);
    }

    private static List<Case> cases() {
        String m = model.toString();
        String g = good.toString();
        return List.of(
                new Case("missing file", "absent.npy", "out.npy", "encode", "--model", m, "--in", f("absent.npy"), "--out", f("out.npy")),
                new Case("unreadable file", "folder.npy", "m1", "learn", "--data", f("folder.npy"), "--prior", PRIOR, "--out", f("m1")),
                new Case("not an .npy", "text.npy", "m2", "learn", "--data", f("text.npy"), "--prior", PRIOR, "--out", f("m2")),
                new Case("truncated .npy", "truncated.npy", "out.npy", "denoise", "--model", m, "--in", f("truncated.npy"), "--out", f("out.npy")),
                new Case("wrong dtype", "ints.npy", "m3", "learn", "--data", f("ints.npy"), "--prior", PRIOR, "--out", f("m3")),
                new Case("wrong number of columns", "narrow.npy", "out.npy", "encode", "--model", m, "--in", f("narrow.npy"), "--out", f("out.npy")),
                new Case("codes of the wrong width", "narrow.npy", "out.npy", "decode", "--model", m, "--in", f("narrow.npy"), "--out", f("out.npy")),
                new Case("NaN in the data", "nan.npy", "m4", "learn", "--data", f("nan.npy"), "--prior", PRIOR, "--batch-size", "8", "--out", f("m4")),
                new Case("Inf in the data", "inf.npy", "out.gdz", "compress", "--model", m, "--in", f("inf.npy"), "--out", f("out.gdz")),
                new Case("1-D data", "one-d.npy: shape (5,) '<f8' C order, expected a 2-D array", "m18",
                        "learn", "--data", f("one-d.npy"), "--prior", PRIOR, "--out", f("m18")),
                new Case("empty data", "empty.npy", "m5", "learn", "--data", f("empty.npy"), "--prior", PRIOR, "--out", f("m5")),
                new Case("unknown prior", "group-sparsity", "m6", "learn", "--data", g, "--prior", "grup-sparsity:n=30,k=3", "--out", f("m6")),
                new Case("unknown oracle", "gauss-newton", "m7", "learn", "--data", g, "--prior", PRIOR, "--method", "altmin", "--oracle", "gaus-newton", "--out", f("m7")),
                new Case("unknown method", "ksvd", "m8", "learn", "--data", g, "--prior", PRIOR, "--method", "ksdv", "--out", f("m8")),
                new Case("parameter out of range", "--batch-size", "m9", "learn", "--data", g, "--prior", PRIOR, "--batch-size", "0", "--out", f("m9")),
                new Case("prior parameter out of range", "k", "m10", "learn", "--data", g, "--prior", "group-sparsity:n=30,k=-1", "--out", f("m10")),
                new Case("model folder with a missing file", "prior.json", "out.npy", "encode", "--model", f("model-missing"), "--in", g, "--out", f("out.npy")),
                new Case("model folder with an altered file", "dictionary.npy", "out.npy", "denoise", "--model", f("model-altered"), "--in", g, "--out", f("out.npy")),
                new Case("compressed file with a bad checksum", "corrupt.gdz", "out.npy", "decompress", "--model", m, "--in", f("corrupt.gdz"), "--out", f("out.npy")),
                new Case("compressed file for another model", "another model", "out.npy", "decompress", "--model", f("other-model"), "--in", packed.toString(), "--out", f("out.npy")),
                new Case("resume with a run option", "--seed", "m11", "learn", "--resume", m, "--seed", "3"),
                new Case("resume without a checkpoint", "no checkpoint", "m11", "learn", "--resume", m),
                new Case("learn into a folder holding another model", "the folder already holds checksums.sha256, dictionary.npy",
                        "m17", "learn", "--data", g, "--prior", PRIOR, "--out", m),
                new Case("checkpoint interval out of range", "--checkpoint-every", "m12", "learn", "--data", g, "--prior", PRIOR, "--checkpoint-every", "-1", "--out", f("m12")),
                new Case("data changed under a resumed run", "resumable.npy", "m13", "learn", "--resume", f("resumable")),
                new Case("checkpoint with a flipped bit in state.npz", "state.npz: altered", "m16", "learn", "--resume", f("tampered-state")),
                new Case("checkpoint with an edited run.json", "run.json: altered", "m16", "learn", "--resume", f("tampered-run")),
                new Case("output in a missing folder", "nowhere", "nowhere", "encode", "--model", m, "--in", g, "--out", f("nowhere/z.npy")),
                new Case("model output in a missing folder", "nowhere", "nowhere", "learn", "--data", g, "--prior", PRIOR, "--out", f("nowhere/model")),
                new Case("gzip IDX honestly claiming more than the heap", "huge.idx.gz: the data of 60000 items of shape (60000, 1, 35000) (with its float64 copy) needs 18025 MB of memory", "vae.npz",
                        "train-vae", "--images", f("huge.idx.gz"), "--test-images", f("huge.idx.gz"), "--out", f("vae.npz")),
                new Case("gzip IDX with bytes after the gzip data", "trailing.idx.gz: unexpected bytes after the gzip data", "vae.npz",
                        "train-vae", "--images", f("trailing.idx.gz"), "--test-images", f("trailing.idx.gz"), "--out", f("vae.npz")),
                new Case(".npz entry claiming more than the heap", "huge.npz[z.npy]: the data of shape (60000, 35000) '|u1' C order (with its float64 copy) needs 18025 MB of memory", "out.npy",
                        "decode", "--model", m, "--in", f("huge.npz"), "--out", f("out.npy")),
                new Case("container claiming 2³¹−9 columns", "wide.gdz: truncated: 2147483639 column ranges", "out.npy",
                        "decompress", "--model", m, "--in", f("wide.gdz"), "--out", f("out.npy")),
                new Case("sparse codes with a NaN index", "'indices' holds NaN at row 0, column 1", "out.npy",
                        "decode", "--model", m, "--in", f("indices-NaN.npz"), "--out", f("out.npy")),
                new Case("sparse codes with a fractional index", "'indices' holds 1.5 at row 0, column 1", "out.npy",
                        "decode", "--model", m, "--in", f("indices-1.5.npz"), "--out", f("out.npy")),
                new Case("container with a NaN column range", "nan-range.gdz: column 0 has range [NaN", "out.npy",
                        "decompress", "--model", m, "--in", f("nan-range.gdz"), "--out", f("out.npy")),
                new Case("prior too large for the heap", "group-sparsity: n=1000000, k=1000000: the n×k matrix M needs", "m14",
                        "learn", "--data", g, "--prior", "group-sparsity:n=1000000,k=1000000", "--out", f("m14")),
                new Case("synthetic data too wide for the heap", "learn: m=1000000, n=1000: the m×n dictionary", "m15",
                        "learn", "--synthetic", "m=1000000", "--batches", "1", "--prior", "group-sparsity:n=1000,k=3", "--out", f("m15")));
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsAOneLineUsageError() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            String[] result = run(c.args());
            String err = result[1];
            assertEquals("2", result[0], c.name() + ": " + err);
            assertEquals(1, err.strip().lines().count(), c.name() + ": " + err);
            assertTrue(err.startsWith("gendict: ") && err.contains(c.expected()), c.name() + ": " + err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), c.name() + ": " + err);
            assertFalse(Files.exists(dir.resolve(c.output())), c.name() + ": left " + c.output());
            try (Stream<Path> files = Files.list(dir)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), c.name() + ": left a temporary file");
            }
        }));
    }

    /** Inputs whose headers honestly claim more than the heap, and crafted containers. */
    private static void hugeClaims() throws IOException {
        byte[] idxHead = {0, 0, 8, 3, 0, 0, (byte) 0xEA, 0x60, 0, 0, 0, 1, 0, 0, (byte) 0x88, (byte) 0xB8};
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("huge.idx.gz")))) {
            gz.write(idxHead);
            gz.write(new byte[2 << 20]);
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("huge.npz")))) {
            zip.putNextEntry(new ZipEntry("z.npy"));
            zip.write(npyHeader("|u1", "(60000, 35000)"));
            zip.write(new byte[2 << 20]);
            zip.closeEntry();
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("trailing.idx.gz"))) {
            GZIPOutputStream gz = new GZIPOutputStream(out);
            gz.write(new byte[] {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8});
            gz.finish();
            out.write("garbage".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] head = Arrays.copyOf(Files.readAllBytes(packed), 54);
        Files.write(dir.resolve("wide.gdz"), container(head, 0, Integer.MAX_VALUE - 8));
        Files.write(dir.resolve("nan-range.gdz"), container(head, 1, 1, Double.NaN, 1.0));
    }

    /** A bits-mode container for the fixture model: rows, cols, the given column ranges, one payload byte. */
    private static byte[] container(byte[] head, int rows, int cols, double... ranges) {
        ByteBuffer b = ByteBuffer.allocate(head.length + 8 * ranges.length + 8 + 1 + 4);
        b.put(head).putShort(6, (short) 0).putInt(8, rows).putInt(12, cols).putInt(16, 0).put(20, (byte) 2).put(21, (byte) 8);
        for (double r : ranges) {
            b.putDouble(r);
        }
        b.putLong(1).put((byte) 0);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        return b.putInt((int) crc.getValue()).array();
    }

    private static Path checkpoint(Path model) throws IOException {
        try (Stream<Path> files = Files.list(model)) {
            return files.filter(p -> p.getFileName().toString().startsWith("checkpoint-")).findFirst().orElseThrow();
        }
    }

    private static String f(String name) {
        return dir.resolve(name).toString();
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    private static byte[] emptyNpy() {
        return npyHeader("<f8", "(0, " + M + ")");
    }

    private static byte[] npyHeader(String descr, String shape) {
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[10 + h.length];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length, (byte) (h.length >> 8)};
        System.arraycopy(magic, 0, b, 0, 10);
        System.arraycopy(h, 0, b, 10, h.length);
        return b;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
