package io.gendict.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compressed codes, .npz and gzip IDX inputs whose headers lie about their size, read in a child JVM
 * with a 64 MB heap: each is refused with a GendictException of kind INVALID_INPUT (a format error or
 * the memory budget) or, where the random claim happens to be true, read; never an OutOfMemoryError
 * or another exception. The two honest claims of more than the heap meet the budget.
 */
class SizeLyingInputsTest {
    private static final int CASES = 150;

    @TempDir
    Path dir;

    @Test
    void onlyInvalidInputEscapesUnderASmallHeap() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SizeLyingInputs.class.getName(), dir.toString(), Integer.toString(CASES))
                .redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.waitFor(), String.join("\n", lines));
        assertEquals(3 * CASES + 2, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            assertTrue(line.endsWith("\tINVALID_INPUT") || line.endsWith("\tok"), line);
        }
        assertTrue(lines.contains("npz honest\tINVALID_INPUT") && lines.contains("idx honest\tINVALID_INPUT"));
    }
}
