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
            Map.of(), Map.of());

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
