package io.gendict.core.io;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a file so that readers never see it half-written: the content goes to a temporary file in
 * the target's folder, is forced to disk, and is then moved over the target in one atomic rename
 * (a plain replacing move where the file system has no atomic rename). On any failure the
 * temporary file is deleted and the target is left as it was. A symbolic link is followed: the file
 * it points to is replaced and the link kept. A replaced file keeps its permissions; a new one gets
 * the default mode under the process's umask. A target that exists and is neither a regular file
 * nor a folder (a device such as {@code /dev/null}, a FIFO) is written through, not replaced. A
 * temporary file is named {@code .NAME.PID-RANDOM.tmp} after its target and its writer's process id;
 * before writing a target, those of its temporary files whose writer is no longer running (a killed
 * write) are deleted.
 *
 * @since 0.1
 */
public final class AtomicFiles {
    private static final int MAX_LINKS = 40;
    /** The part of a temporary file's name after {@code .NAME.}: the writer's process id and a random tag. */
    private static final Pattern WRITER = Pattern.compile("(\\d{1,18})-[0-9a-z]+\\.tmp");

    private AtomicFiles() {
    }

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream to write to; buffered, closed by the caller
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically, or through it when it is a device or FIFO.
     *
     * @param target  the file to create or replace, or a symbolic link to it; its folder must exist
     * @param content writes the bytes
     * @throws GendictException IO naming the target when the folder is missing or writing fails;
     *                          exceptions thrown by {@code content} propagate unchanged
     */
    public static void write(Path target, Content content) {
        Path tmp = null;
        try {
            Path file = followLinks(target.toAbsolutePath());
            Path folder = file.getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                throw new GendictException(ErrorKind.IO, target + ": cannot write: folder " + folder + " does not exist");
            }
            BasicFileAttributes existing = attributes(file);
            if (existing != null && existing.isOther()) {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE),
                        1 << 16)) {
                    content.writeTo(out);
                }
                return;
            }
            tmp = createSibling(file, false);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (existing != null && existing.isRegularFile()) {
                keepMode(file, tmp);
            }
            move(tmp, file);
            tmp = null;
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, target + ": cannot write: " + e, e);
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Creates a new, uniquely named hidden file or folder beside {@code target}, named
     * {@code .NAME.PID-RANDOM.tmp}, with the default mode under the process's umask, after deleting
     * the temporary files and folders of {@code target} whose writer is no longer running.
     *
     * @param target    the file or folder it will replace
     * @param directory create a folder rather than a file
     * @return the new path
     * @throws IOException when it cannot be created
     */
    public static Path createSibling(Path target, boolean directory) throws IOException {
        Path absolute = target.toAbsolutePath();
        removeLeftovers(absolute);
        String prefix = "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "-";
        while (true) {
            Path p = absolute.resolveSibling(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                return directory ? Files.createDirectory(p) : Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                // another name is drawn
            }
        }
    }

    /**
     * Deletes the temporary files and folders of a target left by writers that are no longer running;
     * those of running writers (this process included) and entries named otherwise are kept.
     *
     * @param target the file or folder they were to replace
     * @throws IOException when its folder cannot be listed
     */
    static void removeLeftovers(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(),
                p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : siblings) {
                Matcher m = WRITER.matcher(p.getFileName().toString().substring(prefix.length()));
                if (m.matches() && !ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false)) {
                    deleteTree(p);
                }
            }
        }
    }

    /**
     * Deletes a file, or a folder and everything in it; ignores failures (for cleanup paths, where the
     * failure being handled matters more than a leftover).
     *
     * @param path the file or folder, or {@code null}
     */
    public static void deleteTree(Path path) {
        if (path == null || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the failure being handled matters more
        }
    }

    private static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException("more than " + MAX_LINKS + " levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        return p;
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void keepMode(Path file, Path tmp) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the new file keeps the default mode
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
