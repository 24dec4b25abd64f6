package io.gendict.theory.contract;

import io.gendict.core.spi.PriorProvider;
import io.gendict.priors.DependenciesPriorProvider;
import org.quicktheories.core.Gen;

import java.util.Map;

import static org.quicktheories.generators.SourceDSL.integers;

/**
 * A plugin test written against the contract's first home still compiles and runs every property
 * of the testkit's suite through the deprecated alias.
 */
@SuppressWarnings("deprecation")
class DeprecatedPriorContractProperties implements PriorContract {
    @Override
    public PriorProvider provider() {
        return new DependenciesPriorProvider();
    }

    @Override
    public Gen<Map<String, Object>> parameterChoices() {
        return integers().between(1, 4).map(k -> Map.of("k", k));
    }
}
