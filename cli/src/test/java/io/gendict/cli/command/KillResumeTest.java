package io.gendict.cli.command;

import io.gendict.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A learning run in a forked JVM, checkpointing every batch, is killed with SIGKILL at seeded random
 * moments and resumed until it completes; its dictionary must equal an uninterrupted run's bit for bit.
 */
class KillResumeTest {
    private static final String[] RUN = {"learn", "--synthetic", "m=16,sigma=0.05", "--prior",
            "group-sparsity:n=30,k=3", "--method", "fast", "--batch-size", "40", "--batches", "30", "--seed", "11",
            "--threads", "1"};

    @TempDir
    Path dir;

    @Test
    void killedAndResumedRunsEqualAnUninterruptedRun() throws Exception {
        Path reference = dir.resolve("reference");
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                LearnCommandTest.concat(RUN, "--out", reference.toString())), err.toString());

        Path model = dir.resolve("killed");
        SplittableRandom rng = new SplittableRandom(2024);
        int kills = 0;
        int exit = -1;
        List<String> args = new ArrayList<>(List.of(LearnCommandTest.concat(RUN, "--checkpoint-every", "1",
                "--out", model.toString())));
        for (int attempt = 0; attempt < 12 && exit != 0; attempt++) {
            Process p = fork(args);
            if (!p.waitFor(400 + rng.nextInt(1200), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                kills++;
            } else {
                exit = p.exitValue();
                assertEquals(0, exit, new String(p.getErrorStream().readAllBytes()));
            }
            if (Files.isDirectory(model) && Files.list(model).anyMatch(f -> f.getFileName().toString().startsWith("checkpoint-"))) {
                args = List.of("learn", "--resume", model.toString(), "--threads", "1");
            }
        }
        if (exit != 0) {
            Process p = fork(args);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the last resume finishes");
            assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes()));
        }
        assertTrue(kills >= 1, "at least one run was killed");
        assertArrayEquals(Files.readAllBytes(reference.resolve("dictionary.npy")),
                Files.readAllBytes(model.resolve("dictionary.npy")));
    }

    private Process fork(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xss4m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(new File(dir.toFile(), "out.txt")).start();
    }
}
