package io.gendict.cli.command;

import io.gendict.cli.Main;
import org.junit.jupiter.api.BeforeEach;
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
 * A plugin prior that returns NaN is named as the plugin's fault, with one message and exit code 2,
 * whichever command hits it (before, {@code experiment} blamed the data: {@code Y: non-finite value}).
 */
class PluginFaultCommandTest {
    private static final String SOURCE = """
            package test.nan;

            import io.gendict.core.param.ParamSpec;
            import io.gendict.core.param.Params;
            import io.gendict.core.spi.GenerativePrior;
            import io.gendict.core.spi.PriorProvider;
            import org.ejml.data.DMatrixRMaj;

            public final class NanPriorProvider implements PriorProvider {
                public String name() { return "acme/nan"; }
                public String description() { return "G(z) = z with a NaN in the first output"; }
                public ParamSpec parameters() { return ParamSpec.builder().intParam("k", 2, 1, 10, "dimension").build(); }
                public GenerativePrior create(Params params) {
                    int k = params.getInt("k");
                    return new GenerativePrior() {
                        public int latentDim() { return k; }
                        public int outputDim() { return k; }
                        public void forward(DMatrixRMaj z, DMatrixRMaj out) {
                            out.setTo(z);
                            out.data[0] = Double.NaN;
                        }
                        public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) { out.setTo(dx); }
                        public Params params() { return params; }
                    };
                }
            }
            """;
    private static final String FAULT = "prior 'acme/nan' (test.nan.NanPriorProvider in plugin nan.jar) returned NaN in"
            + " its forward output G(z) (row 0, column 0): a bug in the plugin, not in gendict or the data";

    @TempDir
    Path dir;

    private Path plugins;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void buildThePlugin() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/test/nan"));
        Files.writeString(src.resolve("NanPriorProvider.java"), SOURCE);
        Path services = Files.createDirectories(dir.resolve("res/META-INF/services"));
        Files.writeString(services.resolve("io.gendict.core.spi.PriorProvider"), "test.nan.NanPriorProvider\n");
        plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.build(dir, dir.resolve("src"), dir.resolve("res"), plugins.resolve("nan.jar"));
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    private void assertPluginFault(int code) {
        assertEquals(2, code, err.toString());
        assertEquals("gendict: " + FAULT, err.toString().strip());
    }

    @Test
    void experimentNamesThePluginNotTheData() {
        Path results = dir.resolve("exp");
        assertPluginFault(run("experiment", "dependencies", "--plugins", plugins.toString(), "--prior", "nan:k=2",
                "--m", "6", "--trials", "1", "--batches", "2", "--methods", "fast", "--out", results.toString()));
    }

    @Test
    void learnNamesThePlugin() {
        Path model = dir.resolve("model");
        assertPluginFault(run("learn", "--plugins", plugins.toString(), "--synthetic", "m=6", "--prior", "acme/nan:k=2",
                "--batches", "2", "--batch-size", "10", "--out", model.toString()));
        assertFalse(Files.exists(model));
    }

    @Test
    void checkNamesThePlugin() {
        assertPluginFault(run("check", "--plugins", plugins.toString(), "--prior", "nan", "--samples", "20"));
        assertTrue(out.toString().isEmpty(), out.toString());
    }
}
