package io.gendict.testkit;

import io.gendict.core.contract.LearnerChecks;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The {@link LearnerContract} for a {@link BaselineProvider}: its learners, created from
 * {@link #parameters()}, must pass every learner property, and a baseline that declares an
 * {@code atoms} parameter must learn that many atoms.
 *
 * <pre>{@code
 * class MyBaselineTest implements BaselineContract {
 *     public BaselineProvider provider() { return new MyBaselineProvider(); }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface BaselineContract extends LearnerContract {
    /** The parameter {@code learn --atoms} sets. */
    String ATOMS = "atoms";

    /** @return the provider under test */
    BaselineProvider provider();

    /** @return the raw parameters the learners are created with; default: the provider's defaults */
    default Map<String, Object> parameters() {
        return Map.of();
    }

    @Override
    default DictionaryLearner learner(LearnerContext context) {
        return learner(context, parameters());
    }

    /**
     * @param context the learner's context
     * @param raw     raw parameters
     * @return a learner created from them
     */
    default DictionaryLearner learner(LearnerContext context, Map<String, Object> raw) {
        return provider().create(provider().parameters().validate(provider().name(), raw), context);
    }

    /**
     * {@link LearnerChecks#atomsHonoured}, for a baseline that declares an {@code atoms} parameter
     * (what {@code learn --atoms} sets), asking for one atom more than the prior's n; skipped for
     * one that does not declare it.
     */
    @Test
    default void declaredAtomsAreHonoured() {
        assumeTrue(provider().parameters().definitions().stream().anyMatch(d -> d.name().equals(ATOMS)),
                () -> describe() + " declares no '" + ATOMS + "' parameter");
        int atoms = prior().outputDim() + 1;
        Map<String, Object> raw = new HashMap<>(parameters());
        raw.put(ATOMS, atoms);
        qt().withFixedSeed(seed()).withExamples(examples()).forAll(longs().all(), batchSizes())
                .checkAssert((s, b) -> LearnerChecks.atomsHonoured(c -> learner(c, raw), describe() + " with atoms="
                        + atoms, problem(s), atoms, s, b));
    }

    @Override
    default String describe() {
        return "baseline " + provider().name() + parameters();
    }
}
