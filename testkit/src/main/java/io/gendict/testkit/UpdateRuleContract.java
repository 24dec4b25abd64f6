package io.gendict.testkit;

import io.gendict.core.contract.PlantedPrior;
import io.gendict.core.contract.PlantedProblem;
import io.gendict.core.contract.UpdateRuleChecks;
import io.gendict.core.param.Params;
import io.gendict.core.spi.UpdateRule;
import io.gendict.core.spi.UpdateRuleProvider;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.Map;
import java.util.function.Supplier;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The property suite every {@link UpdateRuleProvider} must pass: each update lowers the loss of its
 * batch on a planted problem, a sufficient-statistics rule steps from the sums as from the rows, the
 * step given the latents equals the step without, the same seed gives the same dictionaries, and a
 * rule restored from its state continues bit for bit. The problems are {@link PlantedProblem}s over
 * {@link #prior()}, by default the smooth {@link PlantedPrior}.
 *
 * <pre>{@code
 * class MyRuleTest implements UpdateRuleContract {
 *     public UpdateRuleProvider provider() { return new MyRuleProvider(); }
 * }
 * }</pre>
 * The checks themselves are in {@link UpdateRuleChecks}.
 *
 * @since 0.1
 */
public interface UpdateRuleContract extends PlantedContract {
    /** @return the provider under test */
    UpdateRuleProvider provider();

    /** @return raw parameter sets to create rules from; default: the provider's defaults */
    default Gen<Map<String, Object>> parameterChoices() {
        return Generate.constant(Map.of());
    }

    /** @return the batch sizes tried */
    default Gen<Integer> batchSizes() {
        return integers().between(20, 60);
    }

    @Override
    default int examples() {
        return 10;
    }

    /** {@link UpdateRuleChecks#reducesBatchLoss}. */
    @Test
    default void reducesTheBatchLossOnAPlantedProblem() {
        qt().withFixedSeed(seed()).withExamples(examples()).forAll(parameterChoices(), longs().all(), batchSizes())
                .checkAssert((raw, s, b) -> UpdateRuleChecks.reducesBatchLoss(rules(raw), describe(raw), problem(s), s, b));
    }

    /** {@link UpdateRuleChecks#sufficientStatisticsEqualBatch}. */
    @Test
    default void sufficientStatisticsStepEqualsTheBatchStep() {
        qt().withFixedSeed(seed()).withExamples(examples()).forAll(parameterChoices(), longs().all(), batchSizes())
                .checkAssert((raw, s, b) -> UpdateRuleChecks.sufficientStatisticsEqualBatch(rules(raw), describe(raw),
                        problem(s), s, b));
    }

    /** {@link UpdateRuleChecks#latentsGiveTheSameStep}. */
    @Test
    default void stepWithLatentsEqualsStepWithout() {
        qt().withFixedSeed(seed()).withExamples(examples()).forAll(parameterChoices(), longs().all(), batchSizes())
                .checkAssert((raw, s, b) -> UpdateRuleChecks.latentsGiveTheSameStep(rules(raw), describe(raw),
                        problem(s), s, b));
    }

    /** {@link UpdateRuleChecks#sameSeedSameResult}. */
    @Test
    default void sameSeedSameResult() {
        qt().withFixedSeed(seed()).withExamples(examples()).forAll(parameterChoices(), longs().all(), batchSizes())
                .checkAssert((raw, s, b) -> UpdateRuleChecks.sameSeedSameResult(rules(raw), describe(raw), problem(s), s, b));
    }

    /** {@link UpdateRuleChecks#stateRestoresTheRun}. */
    @Test
    default void restoredStateContinuesTheRun() {
        qt().withFixedSeed(seed()).withExamples(examples()).forAll(parameterChoices(), longs().all(), batchSizes())
                .checkAssert((raw, s, b) -> UpdateRuleChecks.stateRestoresTheRun(rules(raw), describe(raw), problem(s), s, b));
    }

    /**
     * @param raw one parameter set
     * @return a supplier of fresh rules created from it
     */
    default Supplier<UpdateRule> rules(Map<String, Object> raw) {
        Params params = provider().parameters().validate(provider().name(), raw);
        return () -> provider().create(params);
    }

    /**
     * @param raw one parameter set
     * @return the rule's name and the parameters, for messages
     */
    default String describe(Map<String, Object> raw) {
        return "update rule " + provider().name() + raw;
    }
}
