package io.gendict.testkit;

import io.gendict.core.contract.LearnerChecks;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The property suite every {@link DictionaryLearner} must pass, whatever creates it (a baseline
 * provider, a method): an initial dictionary is honoured, listeners are called after every batch,
 * codes and coefficients have the documented shapes (and a block encoder agrees with encode), a
 * checkpoint restores the run when the learner is {@link io.gendict.core.spi.Checkpointable}, the
 * same seed gives the same result, and, where {@link #threadCountInvariant()} promises it, the
 * thread count does not change it. For a baseline provider, {@link BaselineContract} is the one line.
 * The checks themselves are in {@link LearnerChecks}.
 *
 * @since 0.1
 */
public interface LearnerContract extends PlantedContract {
    /**
     * @param context dimensions, prior, initial dictionary, seed and threads
     * @return a new learner for it
     */
    DictionaryLearner learner(LearnerContext context);

    /** @return names the learner in messages */
    String describe();

    /** @return the columns of an initial dictionary the learner accepts; default the prior's n */
    default int initialAtoms() {
        return prior().outputDim();
    }

    /** @return whether the learner promises bit-identical results for any thread count; default false */
    default boolean threadCountInvariant() {
        return false;
    }

    /** @return the batch sizes tried */
    default Gen<Integer> batchSizes() {
        return integers().between(20, 40);
    }

    @Override
    default int examples() {
        return 4;
    }

    /** {@link LearnerChecks#initialDictionaryHonoured}. */
    @Test
    default void initialDictionaryIsHonoured() {
        qt().withFixedSeed(seed()).withExamples(examples()).forAll(longs().all())
                .checkAssert(s -> LearnerChecks.initialDictionaryHonoured(this::learner, describe(), problem(s),
                        initialAtoms(), s));
    }

    /** {@link LearnerChecks#listenersCalledAfterEveryBatch}. */
    @Test
    default void listenersAreCalledAfterEveryBatch() {
        qt().withFixedSeed(seed()).withExamples(examples()).forAll(longs().all(), batchSizes())
                .checkAssert((s, b) -> LearnerChecks.listenersCalledAfterEveryBatch(this::learner, describe(), problem(s), s, b));
    }

    /** {@link LearnerChecks#codesAndCoefficientsHaveTheDocumentedShapes}. */
    @Test
    default void codesAndCoefficientsHaveTheDocumentedShapes() {
        qt().withFixedSeed(seed()).withExamples(examples()).forAll(longs().all(), batchSizes())
                .checkAssert((s, b) -> LearnerChecks.codesAndCoefficientsHaveTheDocumentedShapes(this::learner,
                        describe(), problem(s), s, b));
    }

    /** {@link LearnerChecks#checkpointRestoresTheRun}. */
    @Test
    default void checkpointRestoresTheRun() {
        qt().withFixedSeed(seed()).withExamples(examples()).forAll(longs().all(), batchSizes())
                .checkAssert((s, b) -> LearnerChecks.checkpointRestoresTheRun(this::learner, describe(), problem(s), s, b));
    }

    /** {@link LearnerChecks#sameSeedSameResult}. */
    @Test
    default void sameSeedSameResult() {
        qt().withFixedSeed(seed()).withExamples(examples()).forAll(longs().all(), batchSizes())
                .checkAssert((s, b) -> LearnerChecks.sameSeedSameResult(this::learner, describe(), problem(s), s, b));
    }

    /** {@link LearnerChecks#threadCountDoesNotChangeTheResult}, with 3 threads against 1; skipped unless promised. */
    @Test
    default void threadCountDoesNotChangeTheResult() {
        assumeTrue(threadCountInvariant(), () -> describe() + " does not promise thread-count invariance");
        qt().withFixedSeed(seed()).withExamples(examples()).forAll(longs().all(), batchSizes())
                .checkAssert((s, b) -> LearnerChecks.threadCountDoesNotChangeTheResult(this::learner, describe(),
                        problem(s), s, b, 3));
    }
}
