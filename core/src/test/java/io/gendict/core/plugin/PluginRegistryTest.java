package io.gendict.core.plugin;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.param.ComponentSpec;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PluginRegistryTest {
    private final PluginSet plugins = new PluginLoader().load(null);
    private final Injector injector = Guice.createInjector(new SpiModule(plugins));
    private final Registry registry = injector.getInstance(Registry.class);

    @Test
    void guiceBindsTheLoadedProvidersByNameAndOneRegistry() {
        Map<String, PriorProvider> priors = injector.getInstance(Key.get(new TypeLiteral<Map<String, PriorProvider>>() { }));
        assertSame(plugins.providers(ProviderKind.PRIOR).get("test-prior"), priors.get("test-prior"));
        assertSame(registry, injector.getInstance(Registry.class));
        assertSame(plugins, injector.getInstance(PluginSet.class));
        assertEquals(plugins.providers(ProviderKind.ORACLE).keySet(), registry.oracles().keySet());
        assertEquals(plugins.providers(ProviderKind.UPDATE_RULE).keySet(), registry.updateRules().keySet());
        assertEquals(plugins.providers(ProviderKind.BASELINE).keySet(), registry.baselines().keySet());
        assertEquals(plugins.providers(ProviderKind.METHOD).keySet(), registry.methods().keySet());
        assertEquals(registry.priors(), PluginRegistry.of(plugins).priors());
    }

    @Test
    void createsComponentsFromSpecTextAndJson() {
        GenerativePrior prior = registry.prior("test-prior:k=4,scale=2");
        assertEquals(4, prior.latentDim());
        assertEquals("test-prior:k=4,scale=2.0", prior.params().toSpecString());
        DMatrixRMaj out = new DMatrixRMaj(1, 4);
        prior.forward(new DMatrixRMaj(new double[][] {{1, 2, 3, 4}}), out);
        assertArrayEquals(new double[] {2, 4, 6, 8}, out.data, 0);

        assertEquals(5, registry.prior("{\"name\": \"test-prior\", \"params\": {\"k\": 5}}").latentDim());
        DecodeResult r = registry.oracle("test-oracle").decode(new DMatrixRMaj(3, 3), prior, new DMatrixRMaj(2, 3),
                null, new SplittableRandom(1));
        assertEquals(2, r.z().numRows);
        assertEquals(4, r.z().numCols);
        registry.updateRule("test-rule");
    }

    @Test
    void unknownNamesSuggestTheClosest() {
        GendictException e = assertThrows(GendictException.class, () -> registry.prior("test-prio:k=3"));
        assertEquals(ErrorKind.UNKNOWN_NAME, e.kind());
        assertEquals("unknown prior 'test-prio'; did you mean 'test-prior'?", e.getMessage());
        assertEquals("unknown update rule 'mod'; known: test-rule",
                assertThrows(GendictException.class, () -> registry.updateRule("mod")).getMessage());

        Registry named = new PluginRegistry(Map.of("group-sparsity", new TestProviders.Prior("group-sparsity"),
                "dependencies", new TestProviders.Prior("dependencies")), Map.of(), Map.of(), Map.of(), Map.of());
        assertEquals("unknown prior 'grup-sparsity'; did you mean 'group-sparsity'?",
                assertThrows(GendictException.class, () -> named.prior("grup-sparsity")).getMessage());
    }

    @Test
    void parameterErrorsNameTheProviderAndTheParameter() {
        GendictException range = assertThrows(GendictException.class, () -> registry.prior("test-prior:k=0"));
        assertEquals(ErrorKind.INVALID_PARAMETER, range.kind());
        assertEquals("test-prior: parameter 'k' is 0, out of range [1, 100]", range.getMessage());

        GendictException unknown = assertThrows(GendictException.class, () -> registry.oracle("test-oracle:step=3"));
        assertEquals("test-oracle: unknown parameter 'step'; known: steps", unknown.getMessage());

        GendictException lookup = assertThrows(GendictException.class, () -> registry.lookup("prior",
                registry.priors(), ComponentSpec.parse("test-prior:scale=big")));
        assertEquals("test-prior: parameter 'scale' is 'big', expected a number", lookup.getMessage());
        assertSame(registry.priors().get("test-prior"),
                registry.lookup("prior", registry.priors(), ComponentSpec.parse("test-prior:scale=3")));
    }
}
