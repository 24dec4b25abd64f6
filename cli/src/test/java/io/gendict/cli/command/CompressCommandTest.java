package io.gendict.cli.command;

import io.gendict.cli.Main;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.io.Npy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code compress --target-bits} and {@code decompress --png} on a model of 4×4 "images". */
class CompressCommandTest {
    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;
    private Path model;
    private Path y;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @BeforeEach
    void learn() {
        model = dir.resolve("model");
        assertEquals(0, run("learn", "--synthetic", "m=16", "--prior", LearnCommandTest.PRIOR, "--batches", "4",
                "--batch-size", "50", "--seed", "3", "--out", model.toString()), err.toString());
        y = dir.resolve("y.npy");
        Npy.write(y, SyntheticSource.builder(LearnCommandTest.prior(), 16, 4).sigma(0.05).build().next(300).y());
    }

    @Test
    void targetBitsMeetsTheBudgetWithTheFileItWrites() throws Exception {
        for (int target : new int[] {8, 12, 20, 40}) {
            Path packed = dir.resolve("y" + target + ".gdz");
            assertEquals(0, run("compress", "--model", model.toString(), "--in", y.toString(), "--out", packed.toString(),
                    "--target-bits", Integer.toString(target)), err.toString());
            assertTrue(Files.size(packed) * 8.0 / 300 <= target, target + ": " + Files.size(packed) + " bytes");
            assertTrue(out.toString().contains("(quantizer bits:"), out.toString());
        }
        long coarse = Files.size(dir.resolve("y8.gdz"));
        long fine = Files.size(dir.resolve("y40.gdz"));
        assertTrue(fine > 2 * coarse, "a larger budget buys more bits: " + coarse + " vs " + fine);
    }

    @Test
    void anUnreachableOrConflictingBudgetIsAUsageErrorWithoutOutput() {
        Path packed = dir.resolve("y.gdz");
        assertEquals(2, run("compress", "--model", model.toString(), "--in", y.toString(), "--out", packed.toString(),
                "--target-bits", "1"));
        assertTrue(err.toString().startsWith("gendict: --target-bits 1.0: even 1 bit per value costs"), err.toString());
        assertEquals(2, run("compress", "--model", model.toString(), "--in", y.toString(), "--out", packed.toString(),
                "--target-bits", "20", "--bits", "4"));
        assertTrue(err.toString().contains("leave out --digits and --bits"), err.toString());
        assertFalse(Files.exists(packed));
    }

    @Test
    void decompressDrawsTheReconstructionsAsAGrid() throws Exception {
        Path packed = dir.resolve("y.gdz");
        assertEquals(0, run("compress", "--model", model.toString(), "--in", y.toString(), "--out", packed.toString()),
                err.toString());
        Path png = dir.resolve("grid.png");
        assertEquals(0, run("decompress", "--model", model.toString(), "--in", packed.toString(),
                "--out", dir.resolve("back.npy").toString(), "--png", png.toString()), err.toString());
        BufferedImage grid = ImageIO.read(png.toFile());
        // 64 of the 300 samples: 8 × 8 tiles of 4·3 pixels plus 4-pixel gaps
        assertEquals(8 * (4 * 3 + 4) + 4, grid.getWidth());
        assertEquals(8 * (4 * 3 + 4) + 4, grid.getHeight());
    }

    @Test
    void pngOfSamplesThatAreNotSquareIsRefusedBeforeAnyOutput() {
        Path wide = dir.resolve("wide");
        assertEquals(0, run("learn", "--synthetic", "m=12", "--prior", LearnCommandTest.PRIOR, "--batches", "2",
                "--out", wide.toString()), err.toString());
        Path z = dir.resolve("z.npy");
        Npy.write(z, SyntheticSource.builder(LearnCommandTest.prior(), 12, 4).build().next(10).y());
        Path packed = dir.resolve("z.gdz");
        assertEquals(0, run("compress", "--model", wide.toString(), "--in", z.toString(), "--out", packed.toString()),
                err.toString());
        Path back = dir.resolve("back.npy");
        assertEquals(2, run("decompress", "--model", wide.toString(), "--in", packed.toString(), "--out", back.toString(),
                "--png", dir.resolve("g.png").toString()));
        assertEquals("gendict: --png: samples of 12 values are not square images", err.toString().trim());
        assertFalse(Files.exists(back));
    }
}
