package io.gendict.core.plugin;

import io.gendict.core.param.ComponentSpec;
import io.gendict.core.param.Params;
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
import jakarta.inject.Inject;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link Registry} over the providers bound by {@link SpiModule}. Every lookup parses the spec
 * with {@link ComponentSpec#parse} and validates its parameters with the provider's
 * {@link io.gendict.core.param.ParamSpec}; an unknown name gets a "did you mean" suggestion
 * ({@link Suggestions}). A namespaced provider ({@code vendor/name}) is also found by its bare name
 * when no other provider of its kind has that bare name. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class PluginRegistry implements Registry {
    private final Map<String, PriorProvider> priors;
    private final Map<String, OracleProvider> oracles;
    private final Map<String, UpdateRuleProvider> updateRules;
    private final Map<String, BaselineProvider> baselines;
    private final Map<String, MethodProvider> methods;

    /**
     * @param priors      prior providers by name. Copied.
     * @param oracles     oracle providers by name. Copied.
     * @param updateRules update rule providers by name. Copied.
     * @param baselines   baseline providers by name. Copied.
     * @param methods     generative method providers by name. Copied.
     */
    @Inject
    public PluginRegistry(Map<String, PriorProvider> priors, Map<String, OracleProvider> oracles,
                          Map<String, UpdateRuleProvider> updateRules, Map<String, BaselineProvider> baselines,
                          Map<String, MethodProvider> methods) {
        this.priors = sorted(priors);
        this.oracles = sorted(oracles);
        this.updateRules = sorted(updateRules);
        this.baselines = sorted(baselines);
        this.methods = sorted(methods);
    }

    /**
     * @param plugins loaded providers
     * @return the registry over them ({@link PluginSet#guardedProviders}), without Guice
     */
    public static PluginRegistry of(PluginSet plugins) {
        return new PluginRegistry(plugins.guardedProviders(ProviderKind.PRIOR),
                plugins.guardedProviders(ProviderKind.ORACLE), plugins.guardedProviders(ProviderKind.UPDATE_RULE),
                plugins.guardedProviders(ProviderKind.BASELINE), plugins.guardedProviders(ProviderKind.METHOD));
    }

    @Override
    public Map<String, PriorProvider> priors() {
        return priors;
    }

    @Override
    public Map<String, OracleProvider> oracles() {
        return oracles;
    }

    @Override
    public Map<String, UpdateRuleProvider> updateRules() {
        return updateRules;
    }

    @Override
    public Map<String, BaselineProvider> baselines() {
        return baselines;
    }

    @Override
    public Map<String, MethodProvider> methods() {
        return methods;
    }

    @Override
    public GenerativePrior prior(String spec) {
        Resolved<PriorProvider> r = resolve(ProviderKind.PRIOR.label(), priors, ComponentSpec.parse(spec));
        return r.provider().create(r.params());
    }

    @Override
    public DecodeOracle oracle(String spec) {
        Resolved<OracleProvider> r = resolve(ProviderKind.ORACLE.label(), oracles, ComponentSpec.parse(spec));
        return r.provider().create(r.params(), this);
    }

    @Override
    public UpdateRule updateRule(String spec) {
        Resolved<UpdateRuleProvider> r = resolve(ProviderKind.UPDATE_RULE.label(), updateRules, ComponentSpec.parse(spec));
        return r.provider().create(r.params());
    }

    /**
     * Looks a provider up and validates the spec's parameters against it.
     *
     * @throws io.gendict.core.error.GendictException UNKNOWN_NAME for an unknown name (suggesting
     *         the closest), INVALID_PARAMETER for parameters its spec rejects
     */
    @Override
    public <P extends Provider> P lookup(String kind, Map<String, P> providers, ComponentSpec spec) {
        return resolve(kind, providers, spec).provider();
    }

    private static <P extends Provider> Resolved<P> resolve(String kind, Map<String, P> providers, ComponentSpec spec) {
        P provider = ProviderNames.find(kind, providers, spec.name())
                .orElseThrow(() -> Suggestions.unknownName(kind, spec.name(), providers.keySet()));
        return new Resolved<>(provider, provider.parameters().validate(provider.name(), spec.raw()));
    }

    private static <P> Map<String, P> sorted(Map<String, P> providers) {
        return Collections.unmodifiableMap(new TreeMap<>(providers));
    }

    /** A provider with parameters validated against its spec. */
    private record Resolved<P extends Provider>(P provider, Params params) {
    }
}
