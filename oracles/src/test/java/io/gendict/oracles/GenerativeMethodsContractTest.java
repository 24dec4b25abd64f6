package io.gendict.oracles;

import io.gendict.core.experiment.MethodCatalog;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import io.gendict.testkit.LearnerContract;
import org.junit.jupiter.api.Nested;

/**
 * The generative methods, created as {@code learn} and {@code experiment} create them, pass the
 * testkit's learner contract on the planted problem, including bit-identical results for any
 * thread count. ({@code amortized} needs a prior with an encoder; {@code AmortizedLearnerTest} covers it.)
 */
class GenerativeMethodsContractTest {
    private static final TestRegistry REGISTRY = new TestRegistry();

    /** The contract for one method spec. */
    interface Method extends LearnerContract {
        String spec();

        @Override
        default DictionaryLearner learner(LearnerContext context) {
            return new MethodCatalog(REGISTRY).create(spec(), context);
        }

        @Override
        default String describe() {
            return "method " + spec();
        }

        @Override
        default boolean threadCountInvariant() {
            return true;
        }
    }

    @Nested
    class Altmin implements Method {
        @Override
        public String spec() {
            return "altmin";
        }
    }

    @Nested
    class Algorithm1 implements Method {
        @Override
        public String spec() {
            return "algorithm1";
        }
    }

    @Nested
    class Fast implements Method {
        @Override
        public String spec() {
            return "fast";
        }

        /** fast restarts and refines on every batch, so two examples per property keep the suite short. */
        @Override
        public int examples() {
            return 2;
        }
    }

    @Nested
    class Autodiff implements Method {
        @Override
        public String spec() {
            return "autodiff";
        }
    }
}
