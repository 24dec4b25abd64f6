package io.gendict.core.io;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

    private long count() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
