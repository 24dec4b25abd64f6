package io.gendict.spark;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.io.Sha256;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A driver-side folder (plugin jars, a model) that executors can read, identified by the SHA-256 of
 * each of its files. On the driver its regular files are packed into one zip named by a SHA-256 over
 * their names and digests and added to the job with {@link JavaSparkContext#addFile} (so two folders
 * never clash, and shipping the same folder twice is one file). An executor uses the folder at the
 * driver's path when every file there has the shipped digest (local mode, a shared file system), else
 * its unpacked copy of the zip when every file there has it, else unpacks the zip from
 * {@link SparkFiles} anew: a folder holding other contents under the same names is never used.
 * Immutable.
 *
 * @param path    the folder on the driver
 * @param files   file name → SHA-256 of its contents (64 lower-case hex digits), sorted by name
 * @param archive the name of the shipped zip
 * @since 0.1
 */
public record ShippedFolder(String path, TreeMap<String, String> files, String archive) implements Serializable {
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
            List<Path> paths;
            try (Stream<Path> s = Files.list(dir)) {
                paths = s.filter(Files::isRegularFile).sorted().toList();
            }
            TreeMap<String, String> files = new TreeMap<>();
            StringBuilder listing = new StringBuilder();
            for (Path f : paths) {
                String digest = Sha256.hex(f);
                files.put(f.getFileName().toString(), digest);
                listing.append(digest).append("  ").append(f.getFileName()).append('\n');
            }
            String archive = "gendict-" + HexFormat.of().formatHex(Sha256.of(listing.toString().getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32) + ".zip";
            Path zip = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "gendict-shipped")).resolve(archive);
            if (!Files.exists(zip)) {
                Path tmp = Files.createTempFile(zip.getParent(), "pack", ".tmp");
                try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                    for (Path f : paths) {
                        out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
                Files.move(tmp, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            sc.addFile(zip.toString());
            return new ShippedFolder(dir.toAbsolutePath().toString(), files, archive);
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, option + " " + dir + ": cannot pack for the executors: " + e.getMessage());
        }
    }

    /**
     * On an executor: the folder to read.
     *
     * @return the driver's folder when this machine has it with every shipped file, else a copy that has them
     */
    Path resolve() {
        Path dir = Path.of(path);
        if (holdsFiles(dir)) {
            return dir;
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "gendict-unpacked", archive.replace(".zip", ""));
        if (holdsFiles(target)) {
            return target;
        }
        try {
            Path tmp = Files.createTempDirectory(Files.createDirectories(target.getParent()), "unpack");
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Path.of(SparkFiles.get(archive))))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    copy(in, tmp.resolve(Path.of(e.getName()).getFileName().toString()));
                }
            }
            if (!holdsFiles(tmp)) {
                throw new GendictException(ErrorKind.IO, "executor: the shipped folder " + path + " (" + archive
                        + ") arrived with other contents than the driver sent");
            }
            if (Files.exists(target)) {
                return tmp;
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!holdsFiles(target)) {
                throw new GendictException(ErrorKind.IO, "executor: cannot unpack the shipped folder " + path + " ("
                        + archive + "): " + e.getMessage());
            }
        }
        return target;
    }

    /** @return whether {@code dir} has every shipped file with its shipped SHA-256 */
    private boolean holdsFiles(Path dir) {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = dir.resolve(f.getKey());
            if (!Files.isRegularFile(file) || !Sha256.hex(file).equals(f.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static void copy(InputStream in, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
    }
}
