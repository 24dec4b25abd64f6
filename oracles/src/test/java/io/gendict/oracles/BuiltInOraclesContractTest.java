package io.gendict.oracles;

import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.Provider;
import io.gendict.core.spi.UpdateRuleProvider;
import io.gendict.testkit.OracleContract;
import io.gendict.testkit.UpdateRuleContract;
import org.junit.jupiter.api.Nested;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Every built-in oracle and update rule, found through {@link ServiceLoader} as the registry finds
 * it, passes the testkit's contract suite of its kind.
 */
class BuiltInOraclesContractTest {
    static <P extends Provider> P registered(Class<P> type, String name) {
        return ServiceLoader.load(type).stream().map(ServiceLoader.Provider::get).filter(p -> p.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no registered " + type.getSimpleName() + " " + name));
    }

    @Nested
    class GaussNewton implements OracleContract {
        @Override
        public OracleProvider provider() {
            return registered(OracleProvider.class, "gauss-newton");
        }
    }

    @Nested
    class GradientDescent implements OracleContract {
        @Override
        public OracleProvider provider() {
            return registered(OracleProvider.class, "gradient-descent");
        }

        @Override
        public Gen<Map<String, Object>> parameterChoices() {
            return Generate.pick(List.of(Map.of("iterations", 200), Map.of("iterations", 200, "line-search", false)));
        }
    }

    @Nested
    class Adam implements OracleContract {
        @Override
        public OracleProvider provider() {
            return registered(OracleProvider.class, "adam");
        }

        @Override
        public Gen<Map<String, Object>> parameterChoices() {
            return Generate.constant(Map.of("iterations", 200));
        }
    }

    @Nested
    class SignFlip implements OracleContract {
        @Override
        public OracleProvider provider() {
            return registered(OracleProvider.class, "sign-flip");
        }
    }

    @Nested
    class MultiStart implements OracleContract {
        @Override
        public OracleProvider provider() {
            return registered(OracleProvider.class, "multi-start");
        }

        @Override
        public Gen<Map<String, Object>> parameterChoices() {
            return Generate.constant(Map.of("starts", 3));
        }
    }

    @Nested
    class Screened implements OracleContract {
        @Override
        public OracleProvider provider() {
            return registered(OracleProvider.class, "screened");
        }

        @Override
        public Gen<Map<String, Object>> parameterChoices() {
            return Generate.constant(Map.of("candidates", 200));
        }
    }

    @Nested
    class PreconditionedGradient implements UpdateRuleContract {
        @Override
        public UpdateRuleProvider provider() {
            return registered(UpdateRuleProvider.class, "preconditioned-gradient");
        }

        @Override
        public Gen<Map<String, Object>> parameterChoices() {
            return Generate.pick(List.of(Map.of("samples", 2000), Map.of("preconditioner", "identity", "threads", 2),
                    Map.of("samples", 2000, "delta", 0.5)));
        }
    }

    @Nested
    class AdamRule implements UpdateRuleContract {
        @Override
        public UpdateRuleProvider provider() {
            return registered(UpdateRuleProvider.class, "adam");
        }

        @Override
        public Gen<Map<String, Object>> parameterChoices() {
            return Generate.pick(List.of(Map.of("iterations", 100, "lr", 1e-2), Map.of("iterations", 100, "lr", 1e-2, "threads", 2)));
        }
    }

    @Nested
    class LeastSquares implements UpdateRuleContract {
        @Override
        public UpdateRuleProvider provider() {
            return registered(UpdateRuleProvider.class, "least-squares");
        }
    }

    @Nested
    class OnlineLeastSquares implements UpdateRuleContract {
        @Override
        public UpdateRuleProvider provider() {
            return registered(UpdateRuleProvider.class, "online-least-squares");
        }

        @Override
        public Gen<Map<String, Object>> parameterChoices() {
            return Generate.pick(List.of(Map.of(), Map.of("forgetting", 0.9, "power", 1.0)));
        }
    }
}
