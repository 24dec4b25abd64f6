package io.gendict.core.method;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.learn.LinearTestPrior;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginSet;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.plugin.ProviderKind;
import io.gendict.core.plugin.TestMethodProvider;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Registry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One resolver for methods and baselines: names, parameters, composition and its errors. */
class MethodResolverTest {
    private static final PluginSet PLUGINS = new PluginLoader().load(null);
    private static final Registry REGISTRY = new PluginRegistry(PLUGINS.providers(ProviderKind.PRIOR),
            PLUGINS.providers(ProviderKind.ORACLE), PLUGINS.providers(ProviderKind.UPDATE_RULE),
            PLUGINS.providers(ProviderKind.BASELINE), Map.of("acme/plain", new TestMethodProvider()));
    private static final GenerativePrior PRIOR = new LinearTestPrior(2);
    private final MethodResolver resolver = new MethodResolver(REGISTRY);

    @Test
    void methodsComeBeforeBaselinesAndNamesAreCaseInsensitive() {
        assertEquals(List.of("acme/plain", "test-baseline"), resolver.names());
        assertTrue(resolver.generative("PLAIN"));
        assertFalse(resolver.generative("test-baseline"));
        ResolvedMethod plain = resolver.resolve("Plain", null, null, PRIOR, false);
        assertEquals(List.of("acme/plain:broken=false", "plain", "test-oracle", "test-rule"),
                List.of(plain.spec(), plain.recipe(), plain.oracle(), plain.update()));
        assertEquals("acme/plain", plain.build(new LearnerContext(2, PRIOR, null, 1, 1)).name());
    }

    @Test
    void unknownNamesAndBadParametersAreOneLineErrors() {
        GendictException unknown = assertThrows(GendictException.class, () -> resolver.validate("plane"));
        assertEquals(ErrorKind.UNKNOWN_NAME, unknown.kind());
        assertTrue(unknown.getMessage().contains("plane") && unknown.getMessage().contains("acme/plain"), unknown.getMessage());
        GendictException bad = assertThrows(GendictException.class, () -> resolver.validate("plain:broken=maybe"));
        assertEquals(ErrorKind.INVALID_PARAMETER, bad.kind());
        assertTrue(bad.getMessage().contains("broken"), bad.getMessage());
        GendictException oracle = assertThrows(GendictException.class, () -> resolver.validate("plain:oracle=nope"));
        assertEquals(ErrorKind.UNKNOWN_NAME, oracle.kind());
        GendictException baseline = assertThrows(GendictException.class,
                () -> resolver.resolve("test-baseline", null, "test-rule", PRIOR, false));
        assertEquals("--update: method 'test-baseline' is a sparse baseline; only generative methods take an oracle or"
                + " update rule", baseline.getMessage());
    }

    @Test
    void aMethodComposesInAnotherOracleAndRuleBySpecOrOption() {
        ResolvedMethod composed = resolver.resolve("plain:oracle=test-oracle:steps=3,update=test-rule", null, null,
                PRIOR, false);
        assertEquals(List.of("acme/plain:broken=false,oracle=test-oracle:steps=3,update=test-rule",
                "test-oracle:steps=3", "test-rule"), List.of(composed.spec(), composed.oracle(), composed.update()));
        assertEquals("test-oracle:steps=3",
                resolver.resolve("plain", "test-oracle:steps=3", null, PRIOR, false).oracle());
        assertEquals("test-oracle:steps=3",
                resolver.resolve("plain:oracle=test-oracle:steps=3", "test-oracle:steps=3", null, PRIOR, false).oracle());
        GendictException disagree = assertThrows(GendictException.class,
                () -> resolver.resolve("plain:oracle=test-oracle", "test-oracle:steps=3", null, PRIOR, false));
        assertEquals("--oracle: 'test-oracle:steps=3' disagrees with the method's own oracle=test-oracle; give one",
                disagree.getMessage());
    }
}
