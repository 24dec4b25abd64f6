package io.gendict.core.model;

import io.gendict.core.codec.CodeContainer;
import io.gendict.core.codec.PayloadFormat;
import io.gendict.core.error.GendictException;
import io.gendict.core.eval.DecimalQuantizer;
import io.gendict.core.eval.UniformQuantizer;
import io.gendict.core.spi.Codes;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * Random and mutated bytes fed to the parsers of the files a user hands back to gendict — a model
 * folder's {@code checksums.sha256}, {@code model.json} and {@code prior.json} (with the checksums
 * made to match, so the parser itself is reached) and the compressed container: only a
 * {@link GendictException} naming the file may escape.
 */
class ModelFormatProperties {
    private static final byte[] MODEL = new byte[32];

    @TempDir
    Path dir;

    @Test
    void modelFilesOnlyThrowGendictExceptions() throws IOException {
        Path valid = dir.resolve("valid");
        ModelStore.save(valid, ModelStoreTest.model(0));
        List<String> targets = List.of(ModelStore.INFO, ModelStore.PRIOR, ModelStore.CHECKSUMS);
        qt().withFixedSeed(11L).withExamples(300)
                .forAll(Generate.range(0, targets.size() - 1), mutations())
                .checkAssert((target, ops) -> {
                    Path folder = dir.resolve("fuzz");
                    copy(valid, folder);
                    String name = targets.get(target);
                    Path file = folder.resolve(name);
                    write(file, mutate(read(file), ops));
                    if (!name.equals(ModelStore.CHECKSUMS)) {
                        resum(folder);
                    }
                    survive(() -> ModelStore.load(folder, ModelStoreTest.REGISTRY), "fuzz");
                });
    }

    @Test
    void compressedFilesOnlyThrowGendictExceptions() {
        DMatrixRMaj values = new DMatrixRMaj(5, 3);
        for (int i = 0; i < values.data.length; i++) {
            values.data[i] = Math.cos(i) * 3;
        }
        List<byte[]> valid = List.of(
                CodeContainer.encode(new Codes(values, null), 0, new DecimalQuantizer(4), MODEL),
                CodeContainer.encode(new Codes(values, null), 0, new UniformQuantizer(6), MODEL),
                CodeContainer.encode(new Codes(values, new int[] {0, 4, -1, 2, 1, 3, 5, 6, 7, -1, -1, -1, 1, 2, 3}), 9,
                        new UniformQuantizer(5), MODEL),
                CodeContainer.encode(new Codes(values, null), 0, new UniformQuantizer(20), MODEL),
                CodeContainer.encode(new Codes(values, null), 0, new DecimalQuantizer(4), MODEL, PayloadFormat.PACKED),
                CodeContainer.encode(new Codes(values, new int[] {0, 4, -1, 2, 1, 3, 5, 6, 7, -1, -1, -1, 1, 2, 3}), 9,
                        new UniformQuantizer(5), MODEL, PayloadFormat.PACKED));
        qt().withFixedSeed(12L).withExamples(400)
                .forAll(Generate.range(0, valid.size() - 1), mutations())
                .checkAssert((base, ops) -> survive(() -> CodeContainer.decode(mutate(valid.get(base), ops), "fuzz.gdz", MODEL),
                        "fuzz.gdz"));
        qt().withFixedSeed(13L).withExamples(300)
                .forAll(Generate.byteArrays(Generate.range(0, 200), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)))
                .checkAssert(bytes -> survive(() -> CodeContainer.decode(bytes, "fuzz.gdz", MODEL), "fuzz.gdz"));
    }

    /** @return up to six edits: flip a bit, truncate, or overwrite a byte with a JSON-ish character */
    private static Gen<int[]> mutations() {
        return Generate.intArrays(Generate.range(1, 6), Generate.range(0, Integer.MAX_VALUE));
    }

    private static byte[] mutate(byte[] valid, int[] ops) {
        byte[] special = "{}[]\":,0-9 nulltrue\n".getBytes(StandardCharsets.US_ASCII);
        byte[] b = valid.clone();
        for (int code : ops) {
            int arg = code / 3;
            int len = b.length;
            switch (code % 3) {
                case 0 -> {
                    if (len > 0) {
                        b[arg % len] ^= (byte) (1 << (arg / len % 8));
                    }
                }
                case 1 -> b = Arrays.copyOf(b, arg % (len + 1));
                default -> {
                    if (len > 0) {
                        b[arg % len] = special[arg / len % special.length];
                    }
                }
            }
        }
        return b;
    }

    private static void survive(Runnable parse, String name) {
        try {
            parse.run();
        } catch (GendictException expected) {
            assertTrue(expected.getMessage().contains(name), expected.getMessage());
        }
    }

    private static void resum(Path folder) {
        StringBuilder sums = new StringBuilder();
        for (String line : new String(read(folder.resolve(ModelStore.CHECKSUMS)), StandardCharsets.UTF_8).split("\n")) {
            String name = line.substring(66);
            sums.append(HexFormat.of().formatHex(sha256(read(folder.resolve(name))))).append("  ").append(name).append('\n');
        }
        write(folder.resolve(ModelStore.CHECKSUMS), sums.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (var files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path f, byte[] bytes) {
        try {
            Files.write(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
