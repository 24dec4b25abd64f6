package io.gendict.cli.command;

import com.google.inject.Guice;
import io.gendict.cli.Main;
import io.gendict.cli.support.ModelInput;
import io.gendict.cli.support.PluginEnvironment;
import io.gendict.core.error.GendictException;
import io.gendict.core.eval.ReconstructionError;
import io.gendict.core.io.MappedNpy;
import io.gendict.core.io.Npy;
import io.gendict.core.model.Methods;
import io.gendict.core.model.ModelStore;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Coding samples block by block gives bit for bit what coding them all at once gives, for every kind
 * of learner: random decoder starts follow the row, not the block.
 */
class StreamedCodingTest {
    private static final Registry REGISTRY = new PluginEnvironment(Guice.createInjector()).injector(null)
            .getInstance(Registry.class);
    private static final int ROWS = 150;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"fast", "altmin", "autodiff", "pca", "ksvd"})
    void blocksCodeAsTheWholeFile(String method) throws Exception {
        Path model = dir.resolve("model");
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "learn", "--synthetic",
                "m=12", "--prior", LearnCommandTest.PRIOR, "--method", method, "--batches", "3", "--batch-size", "40",
                "--out", model.toString()), err.toString());
        Path file = LearnCommandTest.data(dir.resolve("y.npy"), LearnCommandTest.prior(), 12, ROWS, 8);
        DMatrixRMaj y = Npy.readMatrix(file);

        Codes whole = learner(model, 1).encode(y);
        SampleBlocks blocks = new SampleBlocks(MappedNpy.open(file), file, "--in", 64);
        Codes streamed = StreamedCoding.encode(learner(model, 2), blocks);
        assertArrayEquals(whole.values().data, streamed.values().data);
        assertArrayEquals(whole.indices(), streamed.indices());

        Path expected = dir.resolve("expected.npy");
        DictionaryLearner reference = learner(model, 1);
        DMatrixRMaj yHat = ModelInput.reconstruct(reference, reference.encode(y));
        Npy.write(expected, yHat);
        Path denoised = dir.resolve("denoised.npy");
        StreamedCoding.Distances distances = StreamedCoding.denoise(denoised, learner(model, 1), blocks);
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(denoised));
        assertEquals(ReconstructionError.meanRowDistance(yHat, y), distances.mean());
    }

    @Test
    void aBadValueInALaterBlockLeavesNoOutput() throws Exception {
        Path model = dir.resolve("model");
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "learn", "--synthetic",
                "m=12", "--prior", LearnCommandTest.PRIOR, "--method", "pca", "--batches", "1", "--out", model.toString()),
                err.toString());
        DMatrixRMaj y = Npy.readMatrix(LearnCommandTest.data(dir.resolve("y.npy"), LearnCommandTest.prior(), 12, ROWS, 8));
        y.set(130, 5, Double.NaN);
        Path file = dir.resolve("nan.npy");
        Npy.write(file, y);
        Path out = dir.resolve("out.npy");
        GendictException e = assertThrows(GendictException.class, () -> StreamedCoding.denoise(out, learner(model, 1),
                new SampleBlocks(MappedNpy.open(file), file, "--in", 64)));
        assertEquals("--in " + file + ": NaN at row 130, column 5; expected finite values", e.getMessage());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.contains("out.npy")).toList());
        }
    }

    private static DictionaryLearner learner(Path model, int threads) {
        return Methods.forInference(ModelStore.load(model, REGISTRY).model(), REGISTRY, threads);
    }
}
