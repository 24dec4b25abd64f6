package io.gendict.core.model;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FolderLockTest {
    @TempDir
    Path dir;

    @Test
    void aHeldFolderIsRefusedUntilReleased() {
        Path model = dir.resolve("model");
        try (FolderLock held = FolderLock.acquire(model)) {
            GendictException e = assertThrows(GendictException.class, () -> FolderLock.acquire(model));
            assertEquals(ErrorKind.IO, e.kind());
            assertEquals(model + ": in use by another gendict run (process " + ProcessHandle.current().pid()
                    + ", lock " + dir.resolve(".model.lock") + ")", e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve(".model.lock")));
        FolderLock.acquire(model).close();
    }

    @Test
    void aLockWhoseHolderEndedIsTakenOver() throws IOException, InterruptedException {
        Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        ended.getInputStream().readAllBytes();
        ended.waitFor();
        Files.writeString(dir.resolve(".model.lock"), Long.toString(ended.pid()));
        try (FolderLock lock = FolderLock.acquire(dir.resolve("model"))) {
            assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(dir.resolve(".model.lock")));
        }
        Files.writeString(dir.resolve(".model.lock"), "not a pid");
        FolderLock.acquire(dir.resolve("model")).close();
    }
}
