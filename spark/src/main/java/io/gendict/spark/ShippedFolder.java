package io.gendict.spark;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A driver-side folder (plugin jars, a model) that executors can read. On the driver its regular
 * files are packed into one zip named by the SHA-256 of their names and contents and added to the
 * job with {@link JavaSparkContext#addFile} (so two folders never clash, and shipping the same
 * folder twice is one file). An executor uses the folder at the driver's path when it has every
 * file there (local mode, a shared file system), else unpacks the zip from {@link SparkFiles} into a
 * private folder, once per JVM. Immutable.
 *
 * @param path    the folder on the driver
 * @param files   the names of its files
 * @param archive the name of the shipped zip
 * @since 0.1
 */
public record ShippedFolder(String path, List<String> files, String archive) implements Serializable {
    /**
     * Ships a folder's files to every executor.
     *
     * @param sc     the context
     * @param dir    the folder
     * @param option the command-line option that named it, for messages
     * @return the folder's description for executors
     */
    public static ShippedFolder ship(JavaSparkContext sc, Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw new GendictException(ErrorKind.IO, option + " " + dir + ": not a folder");
        }
        try {
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                sha.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(f));
            }
            String archive = "gendict-" + HexFormat.of().formatHex(sha.digest()).substring(0, 32) + ".zip";
            Path zip = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "gendict-shipped")).resolve(archive);
            if (!Files.exists(zip)) {
                Path tmp = Files.createTempFile(zip.getParent(), "pack", ".tmp");
                try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                    for (Path f : files) {
                        out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
                Files.move(tmp, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            sc.addFile(zip.toString());
            return new ShippedFolder(dir.toAbsolutePath().toString(),
                    files.stream().map(f -> f.getFileName().toString()).toList(), archive);
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, option + " " + dir + ": cannot pack for the executors: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    /**
     * On an executor: the folder to read.
     *
     * @return the driver's folder when this machine has it with every file, else the unpacked copy
     */
    Path resolve() {
        Path dir = Path.of(path);
        if (files.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
            return dir;
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "gendict-unpacked", archive.replace(".zip", ""));
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Path tmp = Files.createTempDirectory(Files.createDirectories(target.getParent()), "unpack");
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Path.of(SparkFiles.get(archive))))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    copy(in, tmp.resolve(Path.of(e.getName()).getFileName().toString()));
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw new GendictException(ErrorKind.IO, "executor: cannot unpack the shipped folder " + path + " ("
                        + archive + "): " + e.getMessage());
            }
        }
        return target;
    }

    private static void copy(InputStream in, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
    }
}
