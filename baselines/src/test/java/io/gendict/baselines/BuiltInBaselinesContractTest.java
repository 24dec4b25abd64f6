package io.gendict.baselines;

import io.gendict.core.spi.BaselineProvider;
import io.gendict.testkit.BaselineContract;
import org.junit.jupiter.api.Nested;

import java.util.Map;

/**
 * Every built-in baseline, found through {@link java.util.ServiceLoader} as the registry finds it,
 * passes the testkit's learner contract, including bit-identical results for any thread count
 * (which the README promises for {@code --threads}).
 */
class BuiltInBaselinesContractTest {
    /** The contract with a built-in's name; every built-in promises thread-count invariance. */
    interface BuiltIn extends BaselineContract {
        String name();

        @Override
        default BaselineProvider provider() {
            return Providers.byName(name());
        }

        @Override
        default boolean threadCountInvariant() {
            return true;
        }
    }

    @Nested
    class Mod implements BuiltIn {
        @Override
        public String name() {
            return "mod";
        }
    }

    @Nested
    class ModBatch implements BuiltIn {
        @Override
        public String name() {
            return "mod";
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("mode", "batch", "iterations", 2);
        }
    }

    @Nested
    class Ksvd implements BuiltIn {
        @Override
        public String name() {
            return "ksvd";
        }
    }

    @Nested
    class ApproximateKsvd implements BuiltIn {
        @Override
        public String name() {
            return "approximate-ksvd";
        }
    }

    @Nested
    class OnlineDl implements BuiltIn {
        @Override
        public String name() {
            return "online-dl";
        }
    }

    @Nested
    class OnlineDlLasso implements BuiltIn {
        @Override
        public String name() {
            return "online-dl";
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("coder", "lasso", "alpha", 0.1);
        }
    }

    @Nested
    class Pca implements BuiltIn {
        @Override
        public String name() {
            return "pca";
        }

        @Override
        public int initialAtoms() {
            return prior().latentDim() + 1;
        }
    }
}
