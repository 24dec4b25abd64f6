package io.gendict.core.model;

import io.gendict.core.error.GendictException;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.plugin.TestProviders;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelStoreTest {
    static final Registry REGISTRY = new PluginRegistry(Map.of("test-prior", new TestProviders.Prior()), Map.of(),
            Map.of(), Map.of(), Map.of());

    @TempDir
    Path dir;

    static Model model(double shift) {
        DMatrixRMaj a = new DMatrixRMaj(4, 3);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = Math.sin(i + shift);
        }
        ModelInfo info = new ModelInfo("fast", "gauss-newton", "online-least-squares:power=8", Map.of("batchSize", "10"),
                5, 40, "dev", "17", List.of(new ModelInfo.CurvePoint(10, 0.5), new ModelInfo.CurvePoint(20, 0.25)));
        return new Model(a, REGISTRY.prior("test-prior:k=3,scale=2"), info);
    }

    @Test
    void aSavedModelLoadsBackAsSaved() throws Exception {
        Path folder = dir.resolve("m");
        byte[] checksum = ModelStore.save(folder, model(0));
        ModelStore.Loaded loaded = ModelStore.load(folder, REGISTRY);
        assertArrayEquals(checksum, loaded.checksum());
        assertArrayEquals(model(0).dictionary().data, loaded.model().dictionary().data, 0.0);
        assertEquals("test-prior:k=3,scale=2.0", loaded.model().prior().params().toSpecString());
        assertEquals(model(0).info(), loaded.model().info());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(folder), files.toList(), "no temporary folder is left beside the model");
        }
    }

    private static Model withCurveAndPlugins(List<ModelInfo.CurvePoint> curve, List<ModelInfo.Plugin> plugins) {
        Model m = model(0);
        ModelInfo i = m.info();
        return new Model(m.dictionary(), m.prior(), new ModelInfo(i.method(), i.oracle(), i.update(), i.parameters(),
                i.seed(), i.samplesSeen(), i.gendictVersion(), i.javaVersion(), curve, plugins));
    }

    @Test
    void modelJsonIsStrictJsonAndNonFiniteCurveValuesLoadBack() throws Exception {
        Path folder = dir.resolve("m");
        List<ModelInfo.Plugin> plugins = List.of(new ModelInfo.Plugin("prior", "acme/square", "square.jar",
                "ab".repeat(32), "com.acme.SquareProvider"));
        Model saved = withCurveAndPlugins(List.of(new ModelInfo.CurvePoint(10, Double.NaN),
                new ModelInfo.CurvePoint(20, Double.POSITIVE_INFINITY), new ModelInfo.CurvePoint(30, 0.5)), plugins);
        ModelStore.save(folder, saved);
        com.google.gson.JsonObject json = new com.google.gson.GsonBuilder().setStrictness(com.google.gson.Strictness.STRICT)
                .create().fromJson(Files.readString(folder.resolve(ModelStore.INFO)), com.google.gson.JsonObject.class);
        assertEquals("{\"trainingCurve[0][1]\":\"NaN\",\"trainingCurve[1][1]\":\"Infinity\"}",
                json.getAsJsonObject("nonFinite").toString());
        assertEquals(saved.info(), ModelStore.load(folder, REGISTRY).model().info());
    }

    @Test
    void anOlderModelJsonWithBareNaNStillLoads() throws Exception {
        Path folder = dir.resolve("m");
        ModelStore.save(folder, withCurveAndPlugins(List.of(new ModelInfo.CurvePoint(10, Double.NaN)), List.of()));
        Path info = folder.resolve(ModelStore.INFO);
        String strict = Files.readString(info);
        com.google.gson.JsonObject old = com.google.gson.JsonParser.parseString(strict).getAsJsonObject();
        old.remove("nonFinite");
        old.remove("plugins");
        old.getAsJsonArray("trainingCurve").get(0).getAsJsonArray().set(1, new com.google.gson.JsonPrimitive(Double.NaN));
        String written = new com.google.gson.GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
                .create().toJson(old);
        assertTrue(written.contains("NaN") && !written.contains("nonFinite"), written);
        Files.writeString(info, written);
        Path sums = folder.resolve(ModelStore.CHECKSUMS);
        Files.writeString(sums, Files.readString(sums).lines().map(l -> l.endsWith("  " + ModelStore.INFO)
                ? io.gendict.core.io.Sha256.hex(info) + "  " + ModelStore.INFO : l).reduce("", (a, l) -> a + l + "\n"));

        ModelInfo loaded = ModelStore.load(folder, REGISTRY).model().info();
        assertTrue(Double.isNaN(loaded.curve().get(0).error()));
        assertEquals(List.of(), loaded.plugins());
    }

    @Test
    void aModelWhosePluginIsNotLoadedNamesTheJar() {
        Path folder = dir.resolve("m");
        ModelStore.save(folder, withCurveAndPlugins(List.of(), List.of(new ModelInfo.Plugin("prior", "test-prior",
                "scaled.jar", "cd".repeat(32), "com.acme.ScaledProvider"))));
        Registry empty = new PluginRegistry(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        GendictException e = assertThrows(GendictException.class, () -> ModelStore.load(folder, empty));

        assertTrue(e.getMessage().contains("unknown prior 'test-prior'") && e.getMessage().endsWith(
                "; the model needs plugin jar scaled.jar (SHA-256 " + "cd".repeat(32) + ") for its prior 'test-prior'"
                + " (com.acme.ScaledProvider), which is not loaded: put it in the plugins folder (--plugins DIR, $GENDICT_PLUGINS"
                + " or ~/.gendict/plugins)"), e.getMessage());
    }

    @Test
    void aBuiltInThatTookThePluginsNameIsNotLoadedInItsPlace() {
        Path folder = dir.resolve("m");
        ModelStore.save(folder, withCurveAndPlugins(List.of(), List.of(new ModelInfo.Plugin("prior", "test-prior",
                "scaled.jar", "cd".repeat(32), "com.acme.ScaledProvider"))));

        GendictException e = assertThrows(GendictException.class, () -> ModelStore.load(folder, REGISTRY));

        assertEquals(io.gendict.core.error.ErrorKind.PLUGIN, e.kind());
        assertTrue(e.getMessage().endsWith("prior 'test-prior' of the model came from com.acme.ScaledProvider in plugin"
                + " scaled.jar, but that name is now " + TestProviders.Prior.class.getName() + ", a built-in; the plugin"
                + " must take a namespaced name, e.g. 'vendor/test-prior'"), e.getMessage());
    }

    @Test
    void theChecksumIdentifiesTheModel() {
        byte[] first = ModelStore.save(dir.resolve("a"), model(0));
        assertArrayEquals(first, ModelStore.save(dir.resolve("b"), model(0)));
        assertFalse(java.util.Arrays.equals(first, ModelStore.save(dir.resolve("c"), model(1))));
        assertFalse(java.util.Arrays.equals(first, ModelStore.save(dir.resolve("a"), model(1))), "overwritten in place");
    }

    @Test
    void aMissingOrAlteredFileIsNamed() throws Exception {
        Path folder = dir.resolve("m");
        ModelStore.save(folder, model(0));
        Files.writeString(folder.resolve(ModelStore.INFO), Files.readString(folder.resolve(ModelStore.INFO)).replace("40", "41"));
        GendictException altered = assertThrows(GendictException.class, () -> ModelStore.load(folder, REGISTRY));
        assertTrue(altered.getMessage().contains("model.json") && altered.getMessage().contains("altered"), altered.getMessage());
        ModelStore.save(folder, model(0));
        Files.delete(folder.resolve(ModelStore.PRIOR));
        GendictException missing = assertThrows(GendictException.class, () -> ModelStore.load(folder, REGISTRY));
        assertTrue(missing.getMessage().contains("prior.json") && missing.getMessage().contains("missing"), missing.getMessage());
        Files.delete(folder.resolve(ModelStore.CHECKSUMS));
        GendictException none = assertThrows(GendictException.class, () -> ModelStore.load(folder, REGISTRY));
        assertTrue(none.getMessage().contains("checksums.sha256"), none.getMessage());
    }

    @Test
    void theNewestCompleteCheckpointIsRead() throws Exception {
        Path folder = dir.resolve("run");
        com.google.gson.JsonObject run = new com.google.gson.JsonObject();
        run.addProperty("seed", 5);
        for (int b = 1; b <= 3; b++) {
            DMatrixRMaj s = new DMatrixRMaj(1, 1);
            s.data[0] = b;
            Checkpoints.write(folder, b, model(b), Map.of("s", s), run);
        }
        Files.createDirectories(folder.resolve(".checkpoint-4.tmp"));
        Checkpoints.Checkpoint latest = Checkpoints.latest(folder, REGISTRY).orElseThrow();
        assertEquals(3, latest.batches());
        assertEquals(3.0, latest.state().get("s").data[0]);
        assertEquals(5, latest.run().get("seed").getAsInt());
        assertFalse(Files.exists(folder.resolve("checkpoint-2")), "older checkpoints are removed");
        assertTrue(Checkpoints.latest(dir.resolve("m").getParent(), REGISTRY).isEmpty());
    }
}
