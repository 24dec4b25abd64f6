package io.gendict.priors;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.gendict.priors.PriorTesting.assertError;
import static io.gendict.priors.PriorTesting.create;
import static io.gendict.priors.PriorTesting.forward;
import static io.gendict.priors.PriorTesting.vjp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MlpPriorTest {
    private static final double[] Z = {1, 2, 3};
    private final MlpPriorProvider provider = new MlpPriorProvider();
    @TempDir
    Path dir;

    /** PyTorch layout: fc1 = Linear(3, 2), fc2 = Linear(2, 1), weights out×in. */
    private Map<String, DMatrixRMaj> torchLike() {
        Map<String, DMatrixRMaj> a = new LinkedHashMap<>();
        a.put("fc1.weight", new DMatrixRMaj(new double[][]{{1, 0, -1}, {0.5, 2, 0}}));
        a.put("fc1.bias", new DMatrixRMaj(new double[][]{{0.1, -3}}));
        a.put("fc2.weight", new DMatrixRMaj(new double[][]{{1, 1}}));
        a.put("fc2.bias", new DMatrixRMaj(new double[][]{{0.25}}));
        return a;
    }

    private Path write(String name, Map<String, DMatrixRMaj> arrays) throws IOException {
        Path f = dir.resolve(name);
        NpzTestFiles.write(f, arrays);
        return f;
    }

    @Test
    void keyOrderWithActivations() throws IOException {
        Path f = write("net.npz", torchLike());
        // fc1·(1,2,3) + b1 = (−1.9, 1.5) → ReLU (0, 1.5); fc2 → 1.75 → sigmoid
        GenerativePrior g = create(provider, "mlp:path=" + f + ",activations=relu,sigmoid");
        assertEquals(3, g.latentDim());
        assertEquals(1, g.outputDim());
        assertArrayEquals(new double[]{1 / (1 + Math.exp(-1.75))}, forward(g, Z), 1e-15);
        double s = 1 / (1 + Math.exp(-1.75));
        // dz = fc1ᵀ·(mask ∘ fc2ᵀ·(s(1−s)·dx)), mask = (0, 1): row 2 of fc1 = (0.5, 2, 0)
        assertArrayEquals(new double[]{0.5 * s * (1 - s), 2 * s * (1 - s), 0}, vjp(g, Z, 1), 1e-15);
    }

    @Test
    void layersSlicesTheFirstLayer() throws IOException {
        Path f = write("net.npz", torchLike());
        GenerativePrior g = create(provider, "mlp:path=" + f + ",activations=relu,sigmoid,layers=1");
        assertArrayEquals(new double[]{0, 1.5}, forward(g, Z), 1e-15);
        assertEquals("relu", g.params().getString("activations"));
        assertEquals(1, g.params().getInt("layers"));
        assertEquals(2, g.arrays().size());
    }

    @Test
    void jsonNamesLayersInAnyFileOrder() throws IOException {
        Map<String, DMatrixRMaj> torch = torchLike();
        Map<String, DMatrixRMaj> reversed = new LinkedHashMap<>();
        for (String key : new String[]{"fc2.bias", "fc2.weight", "fc1.bias", "fc1.weight"}) {
            reversed.put(key, torch.get(key));
        }
        Path f = write("rev.npz", reversed);
        Path json = dir.resolve("layers.json");
        Files.writeString(json, "{\"layers\":[{\"weight\":\"fc1.weight\",\"bias\":\"fc1.bias\",\"activation\":\"relu\"},"
                + "{\"weight\":\"fc2.weight\",\"activation\":\"linear\"}]}");
        GenerativePrior g = create(provider, "mlp:path=" + f + ",json=" + json);
        assertArrayEquals(new double[]{1.5}, forward(g, Z), 1e-15);
        assertEquals("relu,linear", g.params().getString("activations"));
    }

    @Test
    void storedFloat32AndFortranOrderFilesLoad() throws IOException {
        Path f = dir.resolve("f32.npz");
        NpzTestFiles.write(f, torchLike(), "<f4", true, false);
        GenerativePrior g = create(provider, "mlp:path=" + f + ",activations=relu,linear");
        assertArrayEquals(new double[]{1.5 + 0.25}, forward(g, Z), 1e-6);
    }

    @Test
    void everyActivationHasItsFormula() throws IOException {
        Path f = write("one.npz", Map.of("w", new DMatrixRMaj(new double[][]{{1}, {1}})));
        double[][] cases = {
                {0.5, 0.5}, {-0.5, -0.5}, // linear
                {0.5, 0.5}, {-0.5, 0}, // relu
                {0.5, 0.5}, {-0.5, -0.005}, // leaky-relu
                {0.5, 1 / (1 + Math.exp(-0.5))}, {-800, 0}, // sigmoid
                {0.5, Math.tanh(0.5)}, {-0.5, Math.tanh(-0.5)}, // tanh
                {0.5, Math.log(1 + Math.exp(0.5))}, {800, 800}, // softplus
                {0.5, Math.sin(0.5)}, {-0.5, Math.sin(-0.5)}, // sin
                {0.5, 0.25}, {-3, 9}}; // square
        Activation[] acts = Activation.values();
        for (int i = 0; i < cases.length; i++) {
            Activation a = acts[i / 2];
            GenerativePrior g = create(provider, "mlp:path=" + f + ",activations=" + a.specName());
            assertEquals(cases[i][1], forward(g, cases[i][0])[0], 1e-15, a.specName() + " at " + cases[i][0]);
        }
    }

    @Test
    void transposedWeightIsAShapeErrorNamingKeyAndShape() throws IOException {
        Map<String, DMatrixRMaj> a = torchLike();
        a.put("fc2.weight", new DMatrixRMaj(new double[][]{{1}, {1}}));
        a.remove("fc2.bias");
        Path f = write("t.npz", a);
        assertError(() -> create(provider, "mlp:path=" + f + ",activations=relu,linear"),
                "mlp", "fc2.weight", "is 2×1", "expected 2×2");
    }

    @Test
    void wrongBiasLengthNamesTheKey() throws IOException {
        Map<String, DMatrixRMaj> a = torchLike();
        a.put("fc1.bias", new DMatrixRMaj(new double[][]{{1, 2, 3}}));
        Path f = write("b.npz", a);
        assertError(() -> create(provider, "mlp:path=" + f + ",activations=relu,linear"), "mlp", "fc1.bias", "bias has 3 entries", "expected 2");
    }

    @Test
    void missingJsonKeyIsNamed() throws IOException {
        Path f = write("net.npz", torchLike());
        Path json = dir.resolve("bad.json");
        Files.writeString(json, "{\"layers\":[{\"weight\":\"dec.fc1.weight\",\"activation\":\"relu\"}]}");
        assertError(() -> create(provider, "mlp:path=" + f + ",json=" + json), "mlp", "missing key 'dec.fc1.weight'", "fc1.weight");
    }

    @Test
    void nanWeightIsNamed() throws IOException {
        Map<String, DMatrixRMaj> a = torchLike();
        a.get("fc2.weight").set(0, 1, Double.NaN);
        Path f = write("nan.npz", a);
        assertError(() -> create(provider, "mlp:path=" + f + ",activations=relu,linear"), "mlp", "fc2.weight", "NaN", "column 1");
    }

    @Test
    void activationAndLayerCountErrors() throws IOException {
        Path f = write("net.npz", torchLike());
        assertError(() -> create(provider, "mlp:path=" + f), "mlp", "'activations'", "empty");
        assertError(() -> create(provider, "mlp:path=" + f + ",activations=relu"), "mlp", "'activations'", "1 entries", "expected 2");
        assertError(() -> create(provider, "mlp:path=" + f + ",activations=relu,gelu"), "mlp", "unknown activation 'gelu'", "softplus");
        assertError(() -> create(provider, "mlp:path=" + f + ",activations=relu,relu,relu,layers=3"), "mlp", "'layers' is 3", "only 2");
    }

    @Test
    void missingFileIsAnIoError() {
        assertEquals(ErrorKind.IO, assertError(() -> create(provider, "mlp:path=" + dir.resolve("none.npz") + ",activations=relu"),
                "none.npz").kind());
    }

    @Test
    void restoreNeedsNoFile() throws IOException {
        Path f = write("net.npz", torchLike());
        GenerativePrior g = create(provider, "mlp:path=" + f + ",activations=relu,sigmoid");
        Files.delete(f);
        GenerativePrior back = provider.restore(g.params(), g.arrays());
        assertArrayEquals(forward(g, Z), forward(back, Z), 0);
    }

    @Test
    void forwardModeJacobianMatchesVjps() throws IOException {
        Path f = write("net.npz", torchLike());
        GenerativePrior g = create(provider, "mlp:path=" + f + ",activations=tanh,sigmoid");
        DMatrixRMaj j = new DMatrixRMaj(1, 1);
        g.jacobian(Z, j);
        assertArrayEquals(vjp(g, Z, 1), j.data, 1e-15);
    }

    /** A decoder slice with the encoder enc1 = Linear(1, 2) (ReLU), enc2 = Linear(2, 3) (no activation, the mean head). */
    @Test
    void encoderIsReadSavedAndRestored() throws IOException {
        Map<String, DMatrixRMaj> arrays = torchLike();
        arrays.put("enc1.weight", new DMatrixRMaj(new double[][]{{2}, {-1}}));
        arrays.put("enc1.bias", new DMatrixRMaj(new double[][]{{0, 0.5}}));
        arrays.put("enc2.weight", new DMatrixRMaj(new double[][]{{1, 1}, {0, 2}, {-1, 0}}));
        arrays.put("enc2.bias", new DMatrixRMaj(new double[][]{{0, 0, 1}}));
        Path f = write("vae.npz", arrays);
        GenerativePrior g = create(provider, "mlp:path=" + f + ",activations=relu,sigmoid,layers=1,encoder=enc1+enc2");
        assertEquals("E1+E2", g.params().getString("encoder"));
        // y = 1: enc1 → ReLU(2, −0.5) = (2, 0); enc2 → (2, 0, −2 + 1)
        DMatrixRMaj z = new DMatrixRMaj(1, 3);
        g.encoder().orElseThrow().encode(new DMatrixRMaj(new double[][]{{1}}), z);
        assertArrayEquals(new double[]{2, 0, -1}, z.data, 1e-15);
        assertEquals(1, g.encoder().orElseThrow().inputDim());
        Files.delete(f);
        GenerativePrior back = provider.restore(g.params(), g.arrays());
        DMatrixRMaj again = new DMatrixRMaj(1, 3);
        back.encoder().orElseThrow().encode(new DMatrixRMaj(new double[][]{{1}}), again);
        assertArrayEquals(z.data, again.data, 0);
        assertArrayEquals(forward(g, Z), forward(back, Z), 0);
    }

    @Test
    void encoderMustOutputTheLatentDimension() throws IOException {
        Map<String, DMatrixRMaj> arrays = torchLike();
        arrays.put("enc.weight", new DMatrixRMaj(new double[][]{{2}, {-1}}));
        Path f = write("vae.npz", arrays);
        assertError(() -> create(provider, "mlp:path=" + f + ",activations=relu,sigmoid,encoder=enc"), "encoder outputs 2", "reads 3");
        Path plain = write("net.npz", torchLike());
        assertError(() -> create(provider, "mlp:path=" + plain + ",activations=relu,sigmoid,encoder=nope"), "missing key 'nope.weight'");
    }

    /** layers=1,head=1 of fc1 (ReLU), fc2 (sigmoid): G is the first layer, the head the second, and both survive a save. */
    @Test
    void headIsTheLayersAfterTheSliceAndIsRestored() throws IOException {
        Path f = write("net.npz", torchLike());
        GenerativePrior whole = create(provider, "mlp:path=" + f + ",activations=relu,sigmoid");
        GenerativePrior g = create(provider, "mlp:path=" + f + ",activations=relu,sigmoid,layers=1,head=1");
        assertArrayEquals(new double[]{0, 1.5}, forward(g, Z), 1e-15);
        assertEquals("relu,sigmoid", g.params().getString("activations"));
        assertEquals(1, g.params().getInt("layers"));
        assertEquals(1, g.params().getInt("head"));
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        g.head().orElseThrow().forward(new DMatrixRMaj(new double[][]{forward(g, Z)}), out);
        assertArrayEquals(forward(whole, Z), out.data, 1e-15);
        assertEquals(1, g.head().orElseThrow().outputDim());
        assertEquals(List.of("H1.weight", "H1.bias", "W1", "b1"), List.copyOf(g.arrays().keySet()));
        Files.delete(f);
        GenerativePrior back = provider.restore(g.params(), g.arrays());
        DMatrixRMaj again = new DMatrixRMaj(1, 1);
        back.head().orElseThrow().forward(new DMatrixRMaj(new double[][]{forward(back, Z)}), again);
        assertArrayEquals(out.data, again.data, 0);
        assertTrue(create(provider, "mlp:path=" + write("net.npz", torchLike()) + ",activations=relu,sigmoid,layers=1")
                .head().isEmpty());
    }

    @Test
    void headErrorsNameTheParameter() throws IOException {
        Path f = write("net.npz", torchLike());
        assertError(() -> create(provider, "mlp:path=" + f + ",activations=relu,sigmoid,head=1"), "'head' needs 'layers'");
        assertError(() -> create(provider, "mlp:path=" + f + ",activations=relu,sigmoid,layers=1,head=2"), "define only 2 layers");
        GenerativePrior g = create(provider, "mlp:path=" + f + ",activations=relu,sigmoid,layers=1,head=1");
        Map<String, Object> raw = new LinkedHashMap<>(g.params().values());
        raw.put("activations", "relu");
        assertError(() -> provider.restore(provider.parameters().validate("mlp", raw), g.arrays()),
                "lists 1 activations, expected 2");
    }
}
