package io.gendict.cli.command;

import io.gendict.cli.Main;
import io.gendict.core.io.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example third-party plugin under {@code examples/shifted-square-prior}: compiled from its
 * sources into a jar in a plugins folder, then listed, checked, run through an experiment and learned
 * with, by name.
 */
class ExamplePluginTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "shifted-square-prior", "src", "main");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void theExamplePluginIsListedCheckedAndUsedByName() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        buildJar(plugins.resolve("shifted-square-prior.jar"));

        assertEquals(0, run("plugins", "--plugins", plugins.toString()), err.toString());
        assertTrue(out.toString().contains("shifted-square"), out.toString());
        assertTrue(out.toString().contains("shifted-square-prior.jar"), out.toString());

        assertEquals(0, run("check", "--plugins", plugins.toString(), "--prior", "shifted-square:k=2",
                "--random-dictionary", "8", "--samples", "50"), err.toString());
        assertTrue(out.toString().contains("shifted-square:k=2"), out.toString());
        assertTrue(out.toString().contains("[holds] Prior contract (VJP and finite outputs)"), out.toString());

        Path results = dir.resolve("exp");
        assertEquals(0, run("experiment", "dependencies", "--plugins", plugins.toString(), "--prior", "shifted-square:k=2",
                "--m", "6", "--trials", "1", "--batches", "2", "--methods", "fast,mod", "--out", results.toString()),
                err.toString());
        assertTrue(Files.readString(results.resolve("results.csv")).lines().count() == 1 + 2 * 2);

        Path model = dir.resolve("model");
        assertEquals(0, run("learn", "--plugins", plugins.toString(), "--synthetic", "m=6", "--prior", "shifted-square:k=2",
                "--batches", "3", "--batch-size", "20", "--out", model.toString()), err.toString());
        assertTrue(Files.readString(model.resolve("prior.json")).contains("shifted-square"));
        String info = Files.readString(model.resolve("model.json"));
        assertTrue(info.contains("\"jar\": \"shifted-square-prior.jar\"") && info.contains("\"sha256\": \""
                + Sha256.hex(plugins.resolve("shifted-square-prior.jar")) + "\"")
                && info.contains("\"provider\": \"com.example.gendict.ShiftedSquarePriorProvider\""), info);

        assertEquals(2, run("check", "--prior", "shifted-square:k=2"), "without --plugins the name is unknown");
        assertTrue(err.toString().contains("unknown prior 'shifted-square'"), err.toString());
        Path codes = dir.resolve("z.npy");
        assertEquals(2, run("encode", "--model", model.toString(), "--in", model.resolve("dictionary.npy").toString(),
                "--out", codes.toString()), "a model whose prior comes from a plugin, loaded without it");
        assertTrue(err.toString().contains("unknown prior 'shifted-square'") && err.toString().contains("GENDICT_PLUGINS"),
                err.toString());
        assertTrue(err.toString().contains("the model needs plugin jar shifted-square-prior.jar, which is not loaded"),
                err.toString());
        assertFalse(Files.exists(codes));
    }

    private void buildJar(Path jar) throws IOException {
        PluginJars.build(dir, EXAMPLE.resolve("java"), EXAMPLE.resolve("resources"), jar);
    }
}
