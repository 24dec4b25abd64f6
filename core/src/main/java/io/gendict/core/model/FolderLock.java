package io.gendict.core.model;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive claim of a model folder by one process, so that two runs cannot write it at once:
 * the file {@code .NAME.lock} beside the folder, created only if absent and holding the process id
 * of its holder. A lock whose holder is no longer running (a killed run) is stale and taken over.
 * Closing releases it.
 *
 * @since 0.1
 */
public final class FolderLock implements AutoCloseable {
    private final Path file;

    private FolderLock(Path file) {
        this.file = file;
    }

    /**
     * Claims a folder, which need not exist yet.
     *
     * @param dir the model folder
     * @return the lock; close it to release
     * @throws GendictException IO naming the folder and the holder's process id when a running
     *                          process holds it, or when the lock file cannot be written
     */
    public static FolderLock acquire(Path dir) {
        Path absolute = dir.toAbsolutePath();
        Path file = absolute.resolveSibling("." + absolute.getFileName() + ".lock");
        byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    Files.write(file, pid, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    return new FolderLock(file);
                } catch (FileAlreadyExistsException e) {
                    long holder = holder(file);
                    if (attempt > 0 || ProcessHandle.of(holder).map(ProcessHandle::isAlive).orElse(false)) {
                        throw new GendictException(ErrorKind.IO, dir + ": in use by another gendict run (process "
                                + holder + ", lock " + file + ")");
                    }
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, dir + ": cannot lock (" + file + "): " + e, e);
        }
    }

    /** @return the process id in a lock file, or -1 when it is gone or unreadable */
    private static long holder(Path file) throws IOException {
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (NoSuchFileException | NumberFormatException e) {
            return -1;
        }
    }

    /** Releases the folder. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a lock left behind is stale once this process ends, and is then taken over
        }
    }
}
