package io.gendict.core.io;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "old");
        AtomicFiles.write(f, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(f));
        assertEquals(1, count());
    }

    @Test
    void aFailedWriteKeepsTheOldContent() throws IOException {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "old");
        assertThrows(GendictException.class, () -> AtomicFiles.write(f, out -> {
            out.write(1);
            throw new IOException("disk full");
        }));
        IllegalStateException bug = new IllegalStateException("bug");
        assertEquals(bug, assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, out -> {
            throw bug;
        })));
        assertEquals("old", Files.readString(f));
        assertEquals(1, count());
    }

    @Test
    void missingFolderIsAnIoError() {
        GendictException e = assertThrows(GendictException.class,
                () -> AtomicFiles.write(dir.resolve("no/such/x.npy"), out -> out.write(1)));
        assertEquals(ErrorKind.IO, e.kind());
        assertTrue(e.getMessage().contains("x.npy"), e.getMessage());
    }

    @Test
    void aSymbolicLinkIsFollowedAndKept() throws IOException {
        Path real = Files.writeString(dir.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("real.txt"));
        AtomicFiles.write(link, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.txt"), Path.of("made.txt"));
        AtomicFiles.write(dangling, out -> out.write(7));
        assertTrue(Files.isSymbolicLink(dangling));
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(dir.resolve("made.txt")));
        assertEquals(4, count());
    }

    @Test
    void aReplacedFileKeepsItsModeAndANewOneFollowsTheUmask() throws IOException {
        Path f = Files.writeString(dir.resolve("a.txt"), "old");
        for (String mode : new String[] {"rw-r-----", "rwxr-xr-x", "rw-rw-rw-"}) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
            AtomicFiles.write(f, out -> out.write(1));
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        }
        Path reference = Files.createFile(dir.resolve("reference"));
        Path fresh = dir.resolve("fresh.txt");
        AtomicFiles.write(fresh, out -> out.write(1));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(fresh));
    }

    @Test
    void aFifoIsWrittenThroughNotReplaced() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        AtomicFiles.write(fifo, out -> out.write("through".getBytes(StandardCharsets.UTF_8)));
        assertEquals("through", new String(read.get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther());
        assertEquals(1, count());
    }

    private long count() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
