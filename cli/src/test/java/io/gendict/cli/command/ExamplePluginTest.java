package io.gendict.cli.command;

import io.gendict.cli.Main;
import io.gendict.core.io.Npy;
import io.gendict.core.io.Sha256;
import org.ejml.data.DMatrixRMaj;
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
 * The example third-party plugin under {@code examples/example-plugin} (one provider of each kind):
 * compiled from its sources into a jar in a plugins folder, then listed, checked, run through an
 * experiment (its baseline and its method as methods, its oracle and rule composed into altmin), learned
 * with (its oracle and rule in altmin, its baseline),
 * used to encode and decode, and named when a model that needs it is loaded without it.
 */
class ExamplePluginTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "example-plugin", "src", "main");
    private static final String JAR = "gendict-example-plugin.jar";

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
        buildJar(plugins.resolve(JAR));
        String folder = plugins.toString();

        assertEquals(0, run("plugins", "--plugins", folder), err.toString());
        for (String name : new String[]{"example/shifted-square", "example/backtracking-descent", "example/gradient-step",
                "example/ridge-mod", "example/alternating", JAR}) {
            assertTrue(out.toString().contains(name), name + " in " + out);
        }

        assertEquals(0, run("check", "--plugins", folder, "--prior", "shifted-square:k=2",
                "--random-dictionary", "8", "--samples", "50"), err.toString());
        assertTrue(out.toString().contains("example/shifted-square:k=2"), out.toString());
        assertTrue(out.toString().contains("[holds] Prior contract (VJP and finite outputs)"), out.toString());

        Path results = dir.resolve("exp");
        assertEquals(0, run("experiment", "dependencies", "--plugins", folder, "--prior", "shifted-square:k=2",
                "--m", "6", "--trials", "1", "--batches", "2", "--methods",
                "fast,ridge-mod,altmin:oracle=backtracking-descent:iterations=20,update=gradient-step,alternating",
                "--out", results.toString()), err.toString());
        String csv = Files.readString(results.resolve("results.csv"));
        assertEquals(1 + 4 * 2, csv.lines().count(), csv);
        assertTrue(csv.contains("ridge-mod") && csv.contains("altmin:oracle=backtracking-descent"), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("alternating,")), "the example's own method: " + csv);
        String summary = Files.readString(results.resolve("summary.json"));
        assertTrue(summary.contains("\"spec\": \"altmin:oracle=backtracking-descent:iterations=20,update=gradient-step\",\n"
                + "        \"recipe\": \"alternating\",\n        \"oracle\": \"backtracking-descent:iterations=20\",\n"
                + "        \"update\": \"gradient-step\""), summary);

        Path model = dir.resolve("model");
        assertEquals(0, run("learn", "--plugins", folder, "--synthetic", "m=6", "--prior", "shifted-square:k=2",
                "--method", "altmin", "--oracle", "backtracking-descent:iterations=20", "--update", "gradient-step",
                "--batches", "3", "--batch-size", "20", "--out", model.toString()), err.toString());
        assertTrue(Files.readString(model.resolve("prior.json")).contains("example/shifted-square"));
        String info = Files.readString(model.resolve("model.json"));
        String sha = Sha256.hex(plugins.resolve(JAR));
        for (String provider : new String[]{"ShiftedSquarePriorProvider", "BacktrackingDescentOracleProvider",
                "GradientStepRuleProvider"}) {
            assertTrue(info.contains("\"jar\": \"" + JAR + "\",\n      \"sha256\": \"" + sha + "\",\n      \"provider\": "
                    + "\"com.example.gendict." + provider + "\""), provider + " in " + info);
        }

        Path codes = dir.resolve("z.npy");
        Path decoded = dir.resolve("x.npy");
        Path samples = dir.resolve("y.npy");
        DMatrixRMaj y = new DMatrixRMaj(5, 6);
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = Math.sin(i);
        }
        Npy.write(samples, y);
        assertEquals(0, run("encode", "--plugins", folder, "--model", model.toString(), "--in", samples.toString(),
                "--out", codes.toString()), err.toString());
        assertEquals(0, run("decode", "--plugins", folder, "--model", model.toString(), "--in", codes.toString(),
                "--out", decoded.toString()), err.toString());

        Path baseline = dir.resolve("baseline");
        assertEquals(0, run("learn", "--plugins", folder, "--synthetic", "m=6", "--prior", "shifted-square:k=2",
                "--method", "ridge-mod", "--atoms", "5", "--batches", "3", "--batch-size", "20",
                "--checkpoint-every", "2", "--out", baseline.toString()), err.toString());
        assertTrue(Files.readString(baseline.resolve("model.json")).contains("\"name\": \"example/ridge-mod\""));

        assertEquals(2, run("check", "--prior", "shifted-square:k=2"), "without --plugins the name is unknown");
        assertTrue(err.toString().contains("unknown prior 'shifted-square'"), err.toString());
        assertEquals(2, run("encode", "--model", model.toString(), "--in", samples.toString(),
                "--out", dir.resolve("none.npy").toString()), "a model whose components come from a plugin, loaded without it");
        assertTrue(err.toString().contains("unknown prior 'example/shifted-square'") && err.toString().contains("GENDICT_PLUGINS"),
                err.toString());
        assertTrue(err.toString().contains("the model needs plugin jar " + JAR + " (SHA-256 " + sha + ") for its prior"
                + " 'example/shifted-square' (com.example.gendict.ShiftedSquarePriorProvider), oracle"
                + " 'example/backtracking-descent' (com.example.gendict.BacktrackingDescentOracleProvider), update rule"
                + " 'example/gradient-step' (com.example.gendict.GradientStepRuleProvider), which is not loaded"), err.toString());
        assertFalse(Files.exists(dir.resolve("none.npy")));
    }

    private void buildJar(Path jar) throws IOException {
        PluginJars.build(dir, EXAMPLE.resolve("java"), EXAMPLE.resolve("resources"), jar);
    }
}
