package io.gendict.priors;

import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.PriorProvider;
import io.gendict.testkit.PriorContract;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Runs {@link PriorContract} on the five built-in priors, each found through {@link ServiceLoader}
 * (so a typo in {@code META-INF/services} fails here), and on any other registered provider with
 * its default parameters.
 */
class BuiltInPriorsProperties {
    private static final Set<String> BUILT_IN = Set.of("dependencies", "group-sparsity", "relu-net", "k-sparse", "mlp");
    private static Path weights;

    static PriorProvider registered(String name) {
        Map<String, PriorProvider> all = new TreeMap<>();
        for (PriorProvider p : ServiceLoader.load(PriorProvider.class)) {
            all.put(p.name(), p);
        }
        PriorProvider p = all.get(name);
        assertTrue(p != null, () -> "no registered prior '" + name + "'; registered: " + all.keySet());
        return p;
    }

    /** A 3-layer net 4 → 7 → 6 → 5 in PyTorch state_dict layout; the last layer has no bias. */
    static synchronized Path weights() {
        if (weights == null) {
            try {
                Path dir = Files.createTempDirectory("gendict-mlp");
                dir.toFile().deleteOnExit();
                weights = dir.resolve("net.npz");
                weights.toFile().deleteOnExit();
                SplittableRandom rng = new SplittableRandom(7);
                Map<String, DMatrixRMaj> arrays = new LinkedHashMap<>();
                arrays.put("fc1.weight", gaussian(rng, 7, 4));
                arrays.put("fc1.bias", gaussian(rng, 1, 7));
                arrays.put("fc2.weight", gaussian(rng, 6, 7));
                arrays.put("fc2.bias", gaussian(rng, 1, 6));
                arrays.put("fc3.weight", gaussian(rng, 5, 6));
                NpzTestFiles.write(weights, arrays);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return weights;
    }

    private static DMatrixRMaj gaussian(SplittableRandom rng, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = 0.5 * Gaussian.next(rng);
        }
        return m;
    }

    @Test
    void serviceLoaderFindsEveryBuiltIn() {
        for (String name : BUILT_IN) {
            assertEquals(name, registered(name).name());
        }
    }

    @TestFactory
    Stream<DynamicTest> otherRegisteredPriorsPassWithDefaults() {
        return ServiceLoader.load(PriorProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> !BUILT_IN.contains(p.name()))
                .map(p -> DynamicTest.dynamicTest(p.name(), () -> {
                    PriorContract contract = () -> p;
                    contract.vjpMatchesCentralFiniteDifferences();
                    contract.jacobianAgreesWithVjp();
                    contract.batchForwardAndVjpEqualEachRow();
                    contract.outputsFiniteWithinRadius();
                    contract.savedSpecRestoresIdenticalPrior();
                    contract.safeToShareBetweenThreads();
                }));
    }

    @Nested
    class Dependencies implements PriorContract {
        @Override
        public PriorProvider provider() {
            return registered("dependencies");
        }

        @Override
        public Gen<Map<String, Object>> parameterChoices() {
            return integers().between(1, 6).map(k -> Map.of("k", k));
        }
    }

    @Nested
    class GroupSparsity implements PriorContract {
        @Override
        public PriorProvider provider() {
            return registered("group-sparsity");
        }

        @Override
        public Gen<Map<String, Object>> parameterChoices() {
            return integers().between(1, 40).zip(integers().between(1, 8), Generate.pick(List.of(0.0, 0.3, 0.6, 1.0)),
                    longs().all(), (n, k, p, seed) -> Map.of("n", n, "k", k, "p", p, "seed", seed));
        }
    }

    @Nested
    class ReluNet implements PriorContract {
        @Override
        public PriorProvider provider() {
            return registered("relu-net");
        }

        @Override
        public Gen<Map<String, Object>> parameterChoices() {
            return Generate.pick(List.of("10,60,300", "3,7", "2,5,11,20", "1,1"))
                    .zip(longs().all(), (widths, seed) -> Map.of("widths", widths, "seed", seed));
        }
    }

    @Nested
    class KSparse implements PriorContract {
        @Override
        public PriorProvider provider() {
            return registered("k-sparse");
        }

        @Override
        public Gen<Map<String, Object>> parameterChoices() {
            return integers().between(3, 30).zip(integers().between(1, 3), Generate.pick(List.of(0.5, 1.0, 10.0)),
                    (n, k, bound) -> Map.of("n", n, "k", k, "bound", bound));
        }
    }

    @Nested
    class Mlp implements PriorContract {
        private static final List<String> ACTIVATIONS =
                List.of("linear", "relu", "leaky-relu", "sigmoid", "tanh", "softplus", "sin", "square");

        @Override
        public PriorProvider provider() {
            return registered("mlp");
        }

        @Override
        public Gen<Map<String, Object>> parameterChoices() {
            Gen<String> act = Generate.pick(ACTIVATIONS);
            return act.zip(act, act, integers().between(0, 3), (a, b, c, layers) -> Map.of(
                    "path", weights().toString(), "activations", a + "," + b + "," + c, "layers", layers));
        }
    }
}
