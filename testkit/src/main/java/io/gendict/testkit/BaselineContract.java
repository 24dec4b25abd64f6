package io.gendict.testkit;

import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;

import java.util.Map;

/**
 * The {@link LearnerContract} for a {@link BaselineProvider}: its learners, created from
 * {@link #parameters()}, must pass every learner property.
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
    /** @return the provider under test */
    BaselineProvider provider();

    /** @return the raw parameters the learners are created with; default: the provider's defaults */
    default Map<String, Object> parameters() {
        return Map.of();
    }

    @Override
    default DictionaryLearner learner(LearnerContext context) {
        return provider().create(provider().parameters().validate(provider().name(), parameters()), context);
    }

    @Override
    default String describe() {
        return "baseline " + provider().name() + parameters();
    }
}
