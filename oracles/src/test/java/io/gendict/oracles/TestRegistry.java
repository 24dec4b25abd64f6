package io.gendict.oracles;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.param.ComponentSpec;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.MethodProvider;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.PriorProvider;
import io.gendict.core.spi.Provider;
import io.gendict.core.spi.Registry;
import io.gendict.core.spi.UpdateRule;
import io.gendict.core.spi.UpdateRuleProvider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** A test-only registry of this module's oracles and update rules, found through ServiceLoader. */
final class TestRegistry implements Registry {
    private final Map<String, OracleProvider> oracles = load(OracleProvider.class);
    private final Map<String, UpdateRuleProvider> rules = load(UpdateRuleProvider.class);

    private static <P extends Provider> Map<String, P> load(Class<P> type) {
        Map<String, P> map = new LinkedHashMap<>();
        for (P p : ServiceLoader.load(type)) {
            map.put(p.name(), p);
        }
        return map;
    }

    @Override
    public Map<String, PriorProvider> priors() {
        return Map.of();
    }

    @Override
    public Map<String, OracleProvider> oracles() {
        return oracles;
    }

    @Override
    public Map<String, UpdateRuleProvider> updateRules() {
        return rules;
    }

    @Override
    public Map<String, BaselineProvider> baselines() {
        return Map.of();
    }

    @Override
    public Map<String, MethodProvider> methods() {
        return Map.of();
    }

    @Override
    public GenerativePrior prior(String spec) {
        throw new GendictException(ErrorKind.UNKNOWN_NAME, "no priors in the test registry: " + spec);
    }

    @Override
    public DecodeOracle oracle(String spec) {
        ComponentSpec c = ComponentSpec.parse(spec);
        OracleProvider p = lookup("oracle", oracles, c);
        return p.create(p.parameters().validate(p.name(), c.raw()), this);
    }

    @Override
    public UpdateRule updateRule(String spec) {
        ComponentSpec c = ComponentSpec.parse(spec);
        UpdateRuleProvider p = lookup("update rule", rules, c);
        return p.create(p.parameters().validate(p.name(), c.raw()));
    }

    @Override
    public <P extends Provider> P lookup(String kind, Map<String, P> providers, ComponentSpec spec) {
        P p = providers.get(spec.name());
        if (p == null) {
            throw new GendictException(ErrorKind.UNKNOWN_NAME, kind + " '" + spec.name() + "' is not known");
        }
        return p;
    }
}
