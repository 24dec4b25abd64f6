package io.gendict.testkit;

import io.gendict.core.contract.OracleChecks;
import io.gendict.core.contract.PlantedPrior;
import io.gendict.core.contract.PlantedProblem;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.Registry;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.Map;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The property suite every {@link OracleProvider} must pass: finite latents and objectives of the
 * documented shapes, objectives that are ‖y − A·G(z)‖² of the returned latents, never above a
 * given start's, and the same result for the same seed. The problems are {@link PlantedProblem}s
 * over {@link #prior()}, by default the smooth {@link PlantedPrior}.
 *
 * <pre>{@code
 * class MyOracleTest implements OracleContract {
 *     public OracleProvider provider() { return new MyOracleProvider(); }
 * }
 * }</pre>
 * The checks themselves are in {@link OracleChecks}.
 *
 * @since 0.1
 */
public interface OracleContract extends PlantedContract {
    /** @return the provider under test */
    OracleProvider provider();

    /** @return raw parameter sets to create oracles from; default: the provider's defaults */
    default Gen<Map<String, Object>> parameterChoices() {
        return Generate.constant(Map.of());
    }

    /** @return the registry an oracle that wraps another by name looks it up in; default: the classpath's providers */
    default Registry registry() {
        return PluginRegistry.of(new PluginLoader().load(null));
    }

    /** @return the largest batch size tried */
    default int maxBatch() {
        return 6;
    }

    @Override
    default int examples() {
        return 10;
    }

    /** {@link OracleChecks#finiteResultsOfTheDocumentedShapes}. */
    @Test
    default void finiteResultsOfTheDocumentedShapes() {
        Registry registry = registry();
        qt().withFixedSeed(seed()).withExamples(examples())
                .forAll(parameterChoices(), longs().all(), integers().between(1, maxBatch()))
                .checkAssert((raw, s, b) -> OracleChecks.finiteResultsOfTheDocumentedShapes(create(raw, registry),
                        describe(raw), problem(s), s, b));
    }

    /** {@link OracleChecks#objectiveNotAboveStart}. */
    @Test
    default void objectiveNotAboveItsStart() {
        Registry registry = registry();
        qt().withFixedSeed(seed()).withExamples(examples())
                .forAll(parameterChoices(), longs().all(), integers().between(1, maxBatch()))
                .checkAssert((raw, s, b) -> OracleChecks.objectiveNotAboveStart(create(raw, registry),
                        describe(raw), problem(s), s, b));
    }

    /** {@link OracleChecks#sameSeedSameResult}. */
    @Test
    default void sameSeedSameResult() {
        Registry registry = registry();
        qt().withFixedSeed(seed()).withExamples(examples())
                .forAll(parameterChoices(), longs().all(), integers().between(1, maxBatch()))
                .checkAssert((raw, s, b) -> OracleChecks.sameSeedSameResult(create(raw, registry),
                        describe(raw), problem(s), s, b));
    }

    /**
     * @param raw      one parameter set
     * @param registry where wrapped oracles are looked up
     * @return the oracle it creates
     */
    default DecodeOracle create(Map<String, Object> raw, Registry registry) {
        return provider().create(provider().parameters().validate(provider().name(), raw), registry);
    }

    /**
     * @param raw one parameter set
     * @return the oracle's name and the parameters, for messages
     */
    default String describe(Map<String, Object> raw) {
        return "oracle " + provider().name() + raw;
    }
}
