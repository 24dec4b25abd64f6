package io.gendict.testkit;

import io.gendict.core.contract.PriorChecks;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;
import java.util.Map;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The property suite every {@link PriorProvider} must pass, built-in or from a plugin jar. A test
 * class implements this interface, returns its provider and, optionally, a generator of parameter
 * sets; JUnit 5 runs the default {@code @Test} methods. QuickTheories draws the parameter sets, the
 * seeds of the latent points (from the prior's own p_z) and the batch sizes, from a fixed seed.
 *
 * <pre>{@code
 * class MyPriorProperties implements PriorContract {
 *     public PriorProvider provider() { return new MyPriorProvider(); }
 *     public Gen<Map<String, Object>> parameterChoices() {
 *         return integers().between(1, 8).map(k -> Map.of("k", k));
 *     }
 * }
 * }</pre>
 * The checks themselves are in {@link PriorChecks}.
 *
 * @since 0.1
 */
public interface PriorContract extends Contract {
    /** @return the provider under test */
    PriorProvider provider();

    /** @return raw parameter sets (typed values or spec text) to create priors from; default: the provider's defaults */
    default Gen<Map<String, Object>> parameterChoices() {
        return Generate.constant(Map.of());
    }

    /** @return the largest batch size tried */
    default int maxBatch() {
        return 9;
    }

    /** @return how far test points move off p_z (see {@link PriorChecks}); default 0, 0.3 or 1 */
    default Gen<Double> spreads() {
        return Generate.pick(List.of(0.0, 0.3, 1.0));
    }

    /** {@link PriorChecks#vjpMatchesFiniteDifferences}. */
    @Test
    default void vjpMatchesCentralFiniteDifferences() {
        qt().withFixedSeed(seed()).withExamples(examples())
                .forAll(parameterChoices(), longs().all(), spreads())
                .checkAssert((raw, s, spread) -> PriorChecks.vjpMatchesFiniteDifferences(create(raw), s, spread));
    }

    /** {@link PriorChecks#jacobianAgreesWithVjp}. */
    @Test
    default void jacobianAgreesWithVjp() {
        qt().withFixedSeed(seed()).withExamples(examples())
                .forAll(parameterChoices(), longs().all(), integers().between(1, maxBatch()), spreads())
                .checkAssert((raw, s, b, spread) -> PriorChecks.jacobianAgreesWithVjp(create(raw), s, b, spread));
    }

    /** {@link PriorChecks#batchEqualsRows}. */
    @Test
    default void batchForwardAndVjpEqualEachRow() {
        qt().withFixedSeed(seed()).withExamples(examples())
                .forAll(parameterChoices(), longs().all(), integers().between(1, maxBatch()), spreads())
                .checkAssert((raw, s, b, spread) -> PriorChecks.batchEqualsRows(create(raw), s, b, spread));
    }

    /** {@link PriorChecks#finiteWithinRadius}. */
    @Test
    default void outputsFiniteWithinRadius() {
        qt().withFixedSeed(seed()).withExamples(examples())
                .forAll(parameterChoices(), longs().all(), integers().between(1, maxBatch()), doubles().between(0, 3))
                .checkAssert((raw, s, b, scale) -> PriorChecks.finiteWithinRadius(create(raw), s, b, scale));
    }

    /** {@link PriorChecks#restoreIsIdentical}. */
    @Test
    default void savedSpecRestoresIdenticalPrior() {
        qt().withFixedSeed(seed()).withExamples(Math.max(1, examples() / 4))
                .forAll(parameterChoices(), longs().all())
                .checkAssert((raw, s) -> PriorChecks.restoreIsIdentical(provider(), create(raw), s));
    }

    /** {@link PriorChecks#sharedBetweenThreads}. */
    @Test
    default void safeToShareBetweenThreads() {
        qt().withFixedSeed(seed()).withExamples(Math.max(1, examples() / 4))
                .forAll(parameterChoices(), longs().all())
                .checkAssert((raw, s) -> PriorChecks.sharedBetweenThreads(create(raw), s, 4));
    }

    /**
     * @param raw one parameter set
     * @return the prior it creates
     */
    default GenerativePrior create(Map<String, Object> raw) {
        return PriorChecks.create(provider(), raw);
    }
}
