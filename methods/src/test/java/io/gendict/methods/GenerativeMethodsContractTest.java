package io.gendict.methods;

import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.spi.MethodProvider;
import io.gendict.core.spi.Registry;
import io.gendict.testkit.MethodContract;
import org.junit.jupiter.api.Nested;

import java.util.ServiceLoader;

/**
 * The built-in generative methods, found through {@link ServiceLoader} as the registry finds them,
 * pass the testkit's method contract (reserved keys, a pure and resolvable recipe) and, through the
 * learners their recipes build, the learner contract on the planted problem, including bit-identical
 * results for any thread count. ({@code amortized} needs a prior with an encoder;
 * {@code AmortizedLearnerTest} covers it.)
 */
class GenerativeMethodsContractTest {
    private static final Registry REGISTRY = PluginRegistry.of(new PluginLoader().load(null));

    /** The contract for one built-in method. */
    interface Method extends MethodContract {
        String spec();

        @Override
        default MethodProvider provider() {
            return ServiceLoader.load(MethodProvider.class).stream().map(ServiceLoader.Provider::get)
                    .filter(p -> p.name().equals(spec())).findFirst()
                    .orElseThrow(() -> new AssertionError("no registered method " + spec()));
        }

        @Override
        default Registry registry() {
            return REGISTRY;
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
