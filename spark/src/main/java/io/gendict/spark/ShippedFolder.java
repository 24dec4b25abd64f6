package io.gendict.spark;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A driver-side folder (plugin jars, a model) that executors can read: on the driver its regular
 * files are added to the job with {@link JavaSparkContext#addFile}; an executor uses the folder at
 * the same path when it exists there (local mode, a shared file system), else a private copy
 * assembled from {@link SparkFiles}. Immutable.
 *
 * @since 0.1
 *
 * @param path  the folder on the driver
 * @param files the names of its files
 */
public record ShippedFolder(String path, List<String> files) implements Serializable {
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
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, option + " " + dir + ": cannot list: " + e.getMessage());
        }
        for (String name : names) {
            sc.addFile(dir.resolve(name).toAbsolutePath().toString());
        }
        return new ShippedFolder(dir.toAbsolutePath().toString(), names);
    }

    /**
     * On an executor: the folder to read.
     *
     * @return the driver's folder when this machine has it with every file, else a local copy
     */
    Path resolve() {
        Path dir = Path.of(path);
        if (files.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
            return dir;
        }
        try {
            Path copy = Files.createTempDirectory("gendict-shipped");
            for (String f : files) {
                Files.copy(Path.of(SparkFiles.get(f)), copy.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, "executor: cannot assemble the shipped folder " + path + ": " + e.getMessage());
        }
    }
}
