package io.gendict.methods;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.learn.AltMinLearner;
import io.gendict.core.learn.FeatureLearner;
import io.gendict.core.learn.RestartLearner;
import io.gendict.core.method.MethodResolver;
import io.gendict.core.method.ResolvedMethod;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Registry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in methods as providers: found by ServiceLoader, their recipes, parameters and rules. */
class BuiltInMethodsTest {
    private static final Registry REGISTRY = PluginRegistry.of(new PluginLoader().load(null));
    private static final String SCREENED = "screened:candidates=2000,inner=gauss-newton";
    private final MethodResolver resolver = new MethodResolver(REGISTRY);

    @Test
    void theBuiltInMethodsAreProvidersFoundByServiceLoader() {
        assertEquals(List.of("algorithm1", "altmin", "amortized", "autodiff", "fast", "feature-als"),
                List.copyOf(REGISTRY.methods().keySet()));
        GenerativePrior prior = REGISTRY.prior("dependencies:k=2");
        ResolvedMethod altmin = resolver.resolve("AltMin", null, null, prior, false);
        assertEquals(List.of("altmin", "alternating", "adam", "adam"),
                List.of(altmin.spec(), altmin.recipe(), altmin.oracle(), altmin.update()));
        ResolvedMethod algorithm1 = resolver.resolve("algorithm1", null, null, prior, false);
        assertEquals(List.of("alternating", "gauss-newton", "preconditioned-gradient"),
                List.of(algorithm1.recipe(), algorithm1.oracle(), algorithm1.update()));
    }

    @Test
    void onlyAmortizedTakesParametersAndTheyAreValidated() {
        GenerativePrior prior = REGISTRY.prior("dependencies:k=2");
        ResolvedMethod encoder = resolver.resolve("Amortized:iterations=0", null, null, prior, false);
        assertEquals(List.of("amortized:iterations=0,anchor=true", "encoder-latents", "gauss-newton:iterations=20"),
                List.of(encoder.spec(), encoder.recipe(), encoder.oracle()));
        ResolvedMethod refined = resolver.resolve("amortized:iterations=5", null, null, prior, false);
        assertEquals(List.of("encoder-refined", "gauss-newton:iterations=5"), List.of(refined.recipe(), refined.oracle()));
        assertEquals("fast", resolver.resolve("fast", null, null, prior, false).spec());
        GendictException none = assertThrows(GendictException.class, () -> resolver.validate("fast:starts=3"));
        assertEquals("fast: unknown parameter 'starts' (it takes none)", none.getMessage());
        GendictException bad = assertThrows(GendictException.class, () -> resolver.validate("amortized:anchor=maybe"));
        assertEquals(ErrorKind.INVALID_PARAMETER, bad.kind());
        assertTrue(bad.getMessage().contains("anchor"), bad.getMessage());
    }

    @Test
    void fastNamesItsRecipeByWhatThePriorDeclaresAndWhetherARuleIsWanted() {
        GenerativePrior small = REGISTRY.prior("dependencies:k=2");
        assertRecipe("restarts", "screened:candidates=2000,inner=gauss-newton:tol=1e-3,warm=500,reuse=true", null, resolver.resolve("fast", null, null, small, false));
        assertRecipe("screened-alternating", SCREENED, FastMethod.RULE, resolver.resolve("fast", null, null, small, true));
        assertRecipe("screened-alternating", SCREENED, "adam", resolver.resolve("fast", null, "adam", small, false));
        assertRecipe("multi-start", "multi-start:inner=sign-flip,starts=5", FastMethod.RULE,
                resolver.resolve("fast", null, null, REGISTRY.prior("dependencies:k=6"), false));
        GenerativePrior linear = REGISTRY.prior("group-sparsity:n=12,k=6");
        assertRecipe("feature-window", "gauss-newton", null, resolver.resolve("fast", null, null, linear, false));
        assertRecipe("linear-features", "gauss-newton", FastMethod.RULE, resolver.resolve("fast", null, null, linear, true));
        assertRecipe("linear-features", "gauss-newton", "adam", resolver.resolve("fast", null, "adam", linear, false));
        LearnerContext context = new LearnerContext(6, small, null, 1, 1);
        assertInstanceOf(RestartLearner.class, resolver.resolve("fast", null, null, small, false).build(context));
        assertInstanceOf(AltMinLearner.class, resolver.resolve("fast", null, "adam", small, false).build(context));
        LearnerContext linearContext = new LearnerContext(8, linear, null, 1, 1);
        assertInstanceOf(FeatureLearner.class, resolver.resolve("fast", null, null, linear, false).build(linearContext));
        assertInstanceOf(AltMinLearner.class, resolver.resolve("fast", null, null, linear, true).build(linearContext));
    }

    @Test
    void methodsThatFitAWithoutARuleRefuseOne() {
        GenerativePrior prior = REGISTRY.prior("dependencies:k=2");
        LearnerContext context = new LearnerContext(6, prior, null, 1, 1);
        assertNull(resolver.resolve("autodiff", null, null, prior, false).update());
        GendictException autodiff = assertThrows(GendictException.class,
                () -> resolver.resolve("autodiff:update=adam", null, null, prior, false).build(context));
        assertEquals("--update: method 'autodiff' updates A by joint Adam and takes no update rule", autodiff.getMessage());
        GendictException features = assertThrows(GendictException.class,
                () -> resolver.resolve("feature-als", null, "adam", prior, false).build(context));
        assertEquals("--update: method 'feature-als' fits A by its own least squares and takes no update rule",
                features.getMessage());
    }

    private static void assertRecipe(String recipe, String oracle, String update, ResolvedMethod resolved) {
        assertEquals(recipe, resolved.recipe());
        assertEquals(oracle, resolved.oracle());
        assertEquals(update, resolved.update());
    }
}
