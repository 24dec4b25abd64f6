package io.gendict.cli.command;

import io.gendict.cli.Main;
import io.gendict.core.io.Npy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --out} respects what is at the path: symbolic links, FIFOs, modes and the umask. */
class OutputTargetTest {
    @TempDir
    Path dir;
    private Path model;
    private Path y;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void learn() {
        y = LearnCommandTest.data(dir.resolve("y.npy"), LearnCommandTest.prior(), 12, 40, 1);
        model = dir.resolve("model");
        assertEquals(0, run("learn", "--data", y.toString(), "--prior", LearnCommandTest.PRIOR, "--method", "altmin",
                "--batch-size", "20", "--out", model.toString()), err.toString());
    }

    private int run(String... args) {
        return Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    }

    private byte[] denoised(Path out) throws IOException {
        assertEquals(0, run("denoise", "--model", model.toString(), "--in", y.toString(), "--out", out.toString()),
                err.toString());
        return Files.readAllBytes(out);
    }

    @Test
    void temporaryFilesOfKilledWritesAreRemovedByTheNextWriteAndOthersAreKept() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path dead = Files.writeString(dir.resolve(".out.npy." + ended.pid() + "-k1ll3d.tmp"), "half");
        Path deadFolder = Files.createDirectories(dir.resolve(".out.npy." + ended.pid() + "-f0ld3r.tmp").resolve("x"));
        Path running = Files.writeString(dir.resolve(".out.npy." + ProcessHandle.current().pid() + "-l1v3.tmp"), "busy");
        Path unknown = Files.writeString(dir.resolve(".out.npy.h4nd.tmp"), "not ours");
        Path otherTarget = Files.writeString(dir.resolve(".other.npy." + ended.pid() + "-k1ll3d.tmp"), "later");
        denoised(dir.resolve("out.npy"));
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(deadFolder.getParent()));
        assertTrue(Files.exists(running) && Files.exists(unknown) && Files.exists(otherTarget));
    }

    @Test
    void aSymbolicLinkKeepsPointingAtTheReplacedFile() throws IOException {
        Path real = Files.writeString(dir.resolve("real.npy"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.npy"), real);
        byte[] written = denoised(link);
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(written, Files.readAllBytes(real));
        assertEquals(12, Npy.readMatrix(real).numCols);
    }

    @Test
    void aReplacedOutputKeepsItsModeAndANewOneFollowsTheUmask() throws IOException {
        Path out = Files.writeString(dir.resolve("out.npy"), "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        denoised(out);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        Path reference = Files.createFile(dir.resolve("reference"));
        Path fresh = dir.resolve("fresh.npy");
        denoised(fresh);
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(fresh));
    }

    @Test
    void aFifoIsWrittenThrough() throws Exception {
        Path fifo = dir.resolve("fifo.npy");
        try {
            Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo failed");
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
        }
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertEquals(0, run("denoise", "--model", model.toString(), "--in", y.toString(), "--out", fifo.toString()),
                err.toString());
        byte[] received = read.get(60, TimeUnit.SECONDS);
        assertArrayEquals(denoised(dir.resolve("plain.npy")), received);
        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther());
    }
}
