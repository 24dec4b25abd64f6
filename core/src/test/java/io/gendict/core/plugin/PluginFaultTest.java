package io.gendict.core.plugin;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.io.Sha256;
import io.gendict.core.method.MethodResolver;
import io.gendict.core.method.ResolvedMethod;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.MethodProvider;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.PriorProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plugin's bug is reported as the plugin's fault: a prior from a jar that returns NaN or throws
 * gives one PLUGIN error naming the provider, its class and the jar; namespaced names are found by
 * their bare name and suggested for a typo; each jar provider's origin is recorded.
 */
class PluginFaultTest {
    @TempDir
    Path dir;

    private PluginSet load(Class<? extends PriorProvider> provider, String jarName) throws IOException {
        TestJars.withProvider(dir.resolve(jarName), PriorProvider.class, provider);
        return new PluginLoader().load(dir);
    }

    @Test
    void aPriorReturningNaNIsThePluginsFault() throws IOException {
        PluginSet set = load(TestProviders.NanPrior.class, "nan.jar");
        GenerativePrior prior = PluginRegistry.of(set).prior("nan-prior:k=2");

        GendictException e = assertThrows(GendictException.class,
                () -> prior.forward(new DMatrixRMaj(1, 2), new DMatrixRMaj(1, 1)));

        assertEquals(ErrorKind.PLUGIN, e.kind());
        assertEquals("prior 'acme/nan-prior' (" + TestProviders.NanPrior.class.getName() + " in plugin nan.jar) returned"
                + " NaN in its forward output G(z) (row 0, column 0): a bug in the plugin, not in gendict or the data",
                e.getMessage());
    }

    @Test
    void aPriorThatThrowsIsThePluginsFault() throws IOException {
        PluginSet set = load(TestProviders.ForwardThrows.class, "throws.jar");
        GenerativePrior prior = PluginRegistry.of(set).prior("acme/throwing-prior");

        GendictException e = assertThrows(GendictException.class,
                () -> prior.forward(new DMatrixRMaj(1, 3), new DMatrixRMaj(1, 1)));

        assertEquals(ErrorKind.PLUGIN, e.kind());
        assertTrue(e.getMessage().startsWith("prior 'acme/throwing-prior' (" + TestProviders.ForwardThrows.class.getName()
                + " in plugin throws.jar) failed in forward: java.lang.IllegalStateException: index bug in forward"),
                e.getMessage());
    }

    @Test
    void jarProvidersRecordTheirJarAndClassWhileClasspathProvidersRunUnwrapped() throws IOException {
        PluginSet set = load(TestProviders.NanPrior.class, "nan.jar");

        assertEquals(new PluginOrigin("nan.jar", Sha256.hex(dir.resolve("nan.jar")), TestProviders.NanPrior.class.getName()),
                set.origin(ProviderKind.PRIOR, "acme/nan-prior").orElseThrow());
        assertTrue(set.origin(ProviderKind.PRIOR, "test-prior").isEmpty());
        assertSame(set.providers(ProviderKind.PRIOR).get("test-prior"),
                set.guardedProviders(ProviderKind.PRIOR).get("test-prior"));
    }

    @Test
    void aMistypedNameSuggestsTheNamespacedOne() throws IOException {
        TestJars.withProvider(dir.resolve("a.jar"), PriorProvider.class, TestProviders.NanPrior.class);
        PluginRegistry registry = PluginRegistry.of(new PluginLoader().load(dir));

        GendictException e = assertThrows(GendictException.class, () -> registry.prior("nan-priors"));
        assertEquals(ErrorKind.UNKNOWN_NAME, e.kind());
        assertTrue(e.getMessage().contains("acme/nan-prior"), e.getMessage());
    }

    @Test
    void anOracleReturningNaNObjectivesIsThePluginsFault() throws IOException {
        TestJars.withProvider(dir.resolve("oracle.jar"), OracleProvider.class, TestProviders.NanObjectiveOracle.class);
        PluginRegistry registry = PluginRegistry.of(new PluginLoader().load(dir));
        GenerativePrior prior = registry.prior("test-prior:k=2");

        GendictException e = assertThrows(GendictException.class, () -> registry.oracle("nan-oracle")
                .decode(new DMatrixRMaj(3, 2), prior, new DMatrixRMaj(4, 3), null, new SplittableRandom(1)));

        assertEquals(ErrorKind.PLUGIN, e.kind());
        assertEquals("oracle 'acme/nan-oracle' (" + TestProviders.NanObjectiveOracle.class.getName() + " in plugin"
                + " oracle.jar) returned NaN in its objectives (row 0, column 0): a bug in the plugin, not in gendict or"
                + " the data", e.getMessage());
    }

    @Test
    void aPluginMethodIsResolvedLikeABuiltInAndItsBugsAreItsOwn() throws IOException {
        TestJars.withProvider(dir.resolve("method.jar"), MethodProvider.class, TestMethodProvider.class);
        PluginSet set = new PluginLoader().load(dir);
        MethodResolver resolver = new MethodResolver(PluginRegistry.of(set));
        GenerativePrior prior = PluginRegistry.of(set).prior("test-prior:k=2");

        assertEquals(TestMethodProvider.class.getName(), set.origin(ProviderKind.METHOD, "plain").orElseThrow().provider());
        ResolvedMethod plain = resolver.resolve("plain", null, null, prior, false);
        assertEquals("plain test-oracle test-rule", plain.recipe() + " " + plain.oracle() + " " + plain.update());
        assertEquals("acme/plain", plain.build(new LearnerContext(2, prior, null, 1, 1)).name());

        GendictException e = assertThrows(GendictException.class,
                () -> resolver.resolve("acme/plain:broken=true", null, null, prior, false));
        assertEquals(ErrorKind.PLUGIN, e.kind());
        assertTrue(e.getMessage().startsWith("method 'acme/plain' (" + TestMethodProvider.class.getName()
                + " in plugin method.jar) failed in recipe: java.lang.IllegalStateException: planted bug in recipe"),
                e.getMessage());
    }
}
