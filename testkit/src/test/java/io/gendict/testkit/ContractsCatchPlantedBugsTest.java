package io.gendict.testkit;

import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.MethodProvider;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.PriorProvider;
import io.gendict.core.spi.Registry;
import io.gendict.core.spi.UpdateRuleProvider;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Each contract suite, run through the JUnit Platform on a deliberately broken implementation,
 * fails exactly the property that the bug breaks, with a message naming it; the same suite passes
 * on the correct implementation. The suites under test are static nested classes, which neither
 * surefire nor Jupiter run on their own.
 */
class ContractsCatchPlantedBugsTest {
    static class CorrectPrior implements PriorContract {
        @Override
        public PriorProvider provider() {
            return new ToyPriorProvider(false);
        }
    }

    static class WrongVjpPrior implements PriorContract {
        @Override
        public PriorProvider provider() {
            return new ToyPriorProvider(true);
        }
    }

    static class CorrectOracle implements OracleContract {
        @Override
        public OracleProvider provider() {
            return new ToyOracleProvider(false);
        }
    }

    static class UnseededOracle implements OracleContract {
        @Override
        public OracleProvider provider() {
            return new ToyOracleProvider(true);
        }
    }

    static class CorrectRule implements UpdateRuleContract {
        @Override
        public UpdateRuleProvider provider() {
            return new ToyRuleProvider(false);
        }
    }

    static class UphillRule implements UpdateRuleContract {
        @Override
        public UpdateRuleProvider provider() {
            return new ToyRuleProvider(true);
        }
    }

    static class CorrectBaseline implements BaselineContract {
        @Override
        public BaselineProvider provider() {
            return new ToyBaselineProvider(false);
        }
    }

    static class IgnoresAtoms implements BaselineContract {
        @Override
        public BaselineProvider provider() {
            return new ToyBaselineProvider(true);
        }
    }

    /** The toy method with the registry its recipe names components of. */
    abstract static class ToyMethod implements MethodContract {
        @Override
        public Registry registry() {
            return new PluginRegistry(Map.of(), Map.of("toy-descent", new ToyOracleProvider(false)),
                    Map.of("toy-gradient", new ToyRuleProvider(false)), Map.of(), Map.of());
        }
    }

    static class CorrectMethod extends ToyMethod {
        @Override
        public MethodProvider provider() {
            return new ToyMethodProvider(false);
        }
    }

    static class ImpureRecipe extends ToyMethod {
        private final ToyMethodProvider provider = new ToyMethodProvider(true);

        @Override
        public MethodProvider provider() {
            return provider;
        }
    }

    /** The toy learner with one bug, under the learner contract. */
    abstract static class Toy implements LearnerContract {
        abstract ToyLearner.Bug bug();

        @Override
        public DictionaryLearner learner(LearnerContext context) {
            return new ToyLearner(context, bug());
        }

        @Override
        public String describe() {
            return "toy learner with bug " + bug();
        }

        @Override
        public boolean threadCountInvariant() {
            return true;
        }
    }

    static class CorrectLearner extends Toy {
        @Override
        ToyLearner.Bug bug() {
            return ToyLearner.Bug.NONE;
        }
    }

    static class IgnoresInitialDictionary extends Toy {
        @Override
        ToyLearner.Bug bug() {
            return ToyLearner.Bug.IGNORES_INITIAL_DICTIONARY;
        }
    }

    static class SilentListeners extends Toy {
        @Override
        ToyLearner.Bug bug() {
            return ToyLearner.Bug.SILENT_LISTENERS;
        }
    }

    static class UnseededLearner extends Toy {
        @Override
        ToyLearner.Bug bug() {
            return ToyLearner.Bug.UNSEEDED;
        }
    }

    /** @return failed test method name to its failure message, of the suite run through the JUnit Platform */
    private static Map<String, String> failures(Class<?> suite) {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute().testEvents();
        assertTrue(tests.started().count() > 0, suite + " ran no test");
        Map<String, String> failed = new TreeMap<>();
        for (Event e : tests.failed().list()) {
            String message = e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                    .map(Throwable::getMessage).orElse("");
            failed.put(e.getTestDescriptor().getDisplayName(), message);
        }
        return failed;
    }

    private static void failsOnly(Class<?> suite, String test, String... phrases) {
        Map<String, String> failed = failures(suite);
        assertEquals(java.util.Set.of(test + "()"), failed.keySet(), suite.getSimpleName() + ": " + failed);
        String message = failed.get(test + "()");
        for (String phrase : phrases) {
            assertTrue(message.contains(phrase), "'" + phrase + "' missing from: " + message);
        }
    }

    @Test
    void correctImplementationsPassEverySuite() {
        for (Class<?> suite : new Class<?>[]{CorrectPrior.class, CorrectOracle.class, CorrectRule.class, CorrectLearner.class,
                CorrectBaseline.class, CorrectMethod.class}) {
            assertEquals(Map.of(), failures(suite), suite.getSimpleName());
        }
    }

    @Test
    void priorContractCatchesAWrongVjpWithACounterExample() {
        failsOnly(WrongVjpPrior.class, "vjpMatchesCentralFiniteDifferences",
                "VJP disagrees with central finite differences", "Smallest found falsifying value");
    }

    @Test
    void oracleContractCatchesStartsDrawnFromItsOwnGenerator() {
        failsOnly(UnseededOracle.class, "sameSeedSameResult", "latents of two decodes with the same seed differ");
    }

    @Test
    void updateRuleContractCatchesARuleThatRaisesTheLoss() {
        failsOnly(UphillRule.class, "reducesTheBatchLossOnAPlantedProblem", "raised the batch loss");
    }

    @Test
    void learnerContractCatchesAnIgnoredInitialDictionary() {
        failsOnly(IgnoresInitialDictionary.class, "initialDictionaryIsHonoured",
                "LearnerContext.initialDictionary must be honoured");
    }

    @Test
    void baselineContractCatchesADeclaredButIgnoredAtomsParameter() {
        failsOnly(IgnoresAtoms.class, "declaredAtomsAreHonoured", "dictionary after 3 batches", "expected 10×7");
    }

    @Test
    void methodContractCatchesAnImpureRecipe() {
        failsOnly(ImpureRecipe.class, "recipeIsPureAndNamesComponentsTheRegistryCreates",
                "two recipes for the same arguments differ");
    }

    @Test
    void learnerContractCatchesSilentListeners() {
        failsOnly(SilentListeners.class, "listenersAreCalledAfterEveryBatch", "the listeners were called with");
    }

    @Test
    void learnerContractCatchesAnUnseededInitialisation() {
        Map<String, String> failed = failures(UnseededLearner.class);
        assertEquals(java.util.Set.of("sameSeedSameResult()", "threadCountDoesNotChangeTheResult()",
                "codesAndCoefficientsHaveTheDocumentedShapes()"), failed.keySet(), failed.toString());
        assertTrue(failed.get("sameSeedSameResult()").contains("dictionaries of two runs with the same seed differ"),
                failed.toString());
    }
}
