package io.gendict.core.method;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.learn.AltMinLearner;
import io.gendict.core.learn.LinearTestPrior;
import io.gendict.core.learn.RestartLearner;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.LinearFeatures;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MethodResolverTest {
    private static final Registry REGISTRY = PluginRegistry.of(new PluginLoader().load(null));
    private final MethodResolver resolver = new MethodResolver(REGISTRY);

    @Test
    void theBuiltInMethodsAreProvidersFoundByServiceLoader() {
        assertTrue(REGISTRY.methods().keySet().containsAll(
                Set.of("altmin", "algorithm1", "autodiff", "fast", "feature-als", "amortized")), REGISTRY.methods().toString());
        assertTrue(resolver.generative("FAST"));
        assertEquals(false, resolver.generative("test-baseline"));
        assertEquals(List.of("algorithm1", "altmin", "amortized", "autodiff", "fast", "feature-als", "test-baseline"),
                resolver.names());
        ResolvedMethod altmin = resolver.resolve("altmin", null, null, new LinearTestPrior(2), false);
        assertEquals(List.of("altmin", "alternating", "adam", "adam"),
                List.of(altmin.spec(), altmin.recipe(), altmin.oracle(), altmin.update()));
    }

    @Test
    void unknownMethodIsAOneLineErrorNamingTheClosest() {
        GendictException e = assertThrows(GendictException.class,
                () -> resolver.resolve("fastest", null, null, new LinearTestPrior(2), false));
        assertEquals(ErrorKind.UNKNOWN_NAME, e.kind());
        assertTrue(e.getMessage().contains("fastest") && e.getMessage().contains("fast"), e.getMessage());
    }

    @Test
    void onlyAmortizedTakesParametersAndTheyAreValidated() {
        ResolvedMethod encoder = resolver.resolve("Amortized:iterations=0", null, null, new LinearTestPrior(2), false);
        assertEquals(List.of("amortized:iterations=0,anchor=true", "encoder-latents", "gauss-newton:iterations=20"),
                List.of(encoder.spec(), encoder.recipe(), encoder.oracle()));
        assertEquals("gauss-newton:iterations=5",
                resolver.resolve("amortized:iterations=5", null, null, new LinearTestPrior(2), false).oracle());
        assertEquals("fast", resolver.resolve("fast", null, null, new LinearTestPrior(2), false).spec());
        GendictException none = assertThrows(GendictException.class, () -> resolver.validate("fast:starts=3"));
        assertEquals("fast: unknown parameter 'starts' (it takes none)", none.getMessage());
        GendictException bad = assertThrows(GendictException.class, () -> resolver.validate("amortized:anchor=maybe"));
        assertEquals(ErrorKind.INVALID_PARAMETER, bad.kind());
        assertTrue(bad.getMessage().contains("anchor"), bad.getMessage());
    }

    @Test
    void fastNamesItsRecipeByWhatThePriorDeclaresAndWhetherARuleIsWanted() {
        GenerativePrior small = new LinearTestPrior(2);
        assertRecipe("restarts", "screened:candidates=2000,inner=gauss-newton", null,
                resolver.resolve("fast", null, null, small, false));
        assertRecipe("screened-alternating", "screened:candidates=2000,inner=gauss-newton", FastMethod.RULE,
                resolver.resolve("fast", null, null, small, true));
        assertRecipe("screened-alternating", "screened:candidates=2000,inner=gauss-newton", "test-rule",
                resolver.resolve("fast", null, "test-rule", small, false));
        assertRecipe("multi-start", "multi-start:inner=sign-flip,starts=5", FastMethod.RULE,
                resolver.resolve("fast", null, null, new LinearTestPrior(6), false));
        assertRecipe("linear-features", "gauss-newton", FastMethod.RULE,
                resolver.resolve("fast", null, null, withFeatures(new LinearTestPrior(6)), false));
        LearnerContext context = new LearnerContext(2, small, null, 1, 1);
        assertInstanceOf(RestartLearner.class,
                resolver.resolve("fast", "test-oracle", null, small, false).build(context));
        assertInstanceOf(AltMinLearner.class,
                resolver.resolve("fast", "test-oracle", "test-rule", small, false).build(context));
    }

    @Test
    void aMethodComposesInAnotherOracleAndRule() {
        GenerativePrior prior = new LinearTestPrior(2);
        ResolvedMethod composed = resolver.resolve("altmin:oracle=test-oracle,update=test-rule", null, null, prior, false);
        assertEquals(List.of("altmin:oracle=test-oracle,update=test-rule", "test-oracle", "test-rule"),
                List.of(composed.spec(), composed.oracle(), composed.update()));
        assertInstanceOf(AltMinLearner.class, composed.build(new LearnerContext(2, prior, null, 1, 1)));
        assertEquals("test-oracle",
                resolver.resolve("altmin:oracle=test-oracle", "test-oracle", null, prior, false).oracle());
        GendictException disagree = assertThrows(GendictException.class,
                () -> resolver.resolve("altmin:oracle=test-oracle", "adam", null, prior, false));
        assertEquals(ErrorKind.INVALID_PARAMETER, disagree.kind());
        assertTrue(disagree.getMessage().startsWith("--oracle: 'adam' disagrees"), disagree.getMessage());
        GendictException baseline = assertThrows(GendictException.class,
                () -> resolver.resolve("test-baseline", null, "test-rule", prior, false));
        assertTrue(baseline.getMessage().contains("sparse baseline"), baseline.getMessage());
        GendictException unknown = assertThrows(GendictException.class, () -> resolver.validate("altmin:oracle=nope"));
        assertEquals(ErrorKind.UNKNOWN_NAME, unknown.kind());
        GendictException noRule = assertThrows(GendictException.class,
                () -> resolver.resolve("autodiff:update=test-rule", "test-oracle", null, prior, false)
                        .build(new LearnerContext(2, prior, null, 1, 1)));
        assertEquals("--update: method 'autodiff' updates A by joint Adam and takes no update rule", noRule.getMessage());
        assertNull(resolver.resolve("autodiff", "test-oracle", null, prior, false).update());
    }

    private static void assertRecipe(String recipe, String oracle, String update, ResolvedMethod resolved) {
        assertEquals(recipe, resolved.recipe());
        assertEquals(oracle, resolved.oracle());
        assertEquals(update, resolved.update());
    }

    /** @return {@code prior} declaring linear features (the recipe looks only at their presence) */
    private static GenerativePrior withFeatures(GenerativePrior prior) {
        LinearFeatures features = new LinearFeatures(new DMatrixRMaj(prior.outputDim(), prior.latentDim()),
                LinearFeatures.Feature.values()[0]);
        return (GenerativePrior) Proxy.newProxyInstance(GenerativePrior.class.getClassLoader(),
                new Class<?>[] {GenerativePrior.class}, (p, m, a) -> m.getName().equals("linearFeatures")
                        ? Optional.of(features) : m.invoke(prior, a));
    }
}
