package io.gendict.core.model;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.plugin.TestProviders;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Rebuilding a model's learner checks the plugin components it records, as loading checks its prior. */
class MethodsTest {
    @Test
    void aBuiltInThatTookAPluginBaselinesNameIsNotUsedInItsPlace() {
        Registry registry = new PluginRegistry(Map.of("test-prior", new TestProviders.Prior()), Map.of(), Map.of(),
                Map.of("test-baseline", new TestProviders.Baseline()), Map.of());
        ModelInfo info = new ModelInfo("test-baseline", null, null, Map.of(), 1, 10, "dev", "17", List.of(),
                List.of(new ModelInfo.Plugin("baseline", "test-baseline", "acme.jar", "ef".repeat(32), "com.acme.Baseline")));
        Model model = new Model(new DMatrixRMaj(3, 3), registry.prior("test-prior:k=3"), info);

        GendictException e = assertThrows(GendictException.class, () -> Methods.forInference(model, registry, 1));

        assertEquals(ErrorKind.PLUGIN, e.kind());
        assertEquals("baseline 'test-baseline' of the model came from com.acme.Baseline in plugin acme.jar, but that name"
                + " is now " + TestProviders.Baseline.class.getName() + ", a built-in; the plugin must take a namespaced"
                + " name, e.g. 'vendor/test-baseline'", e.getMessage());
    }
}
