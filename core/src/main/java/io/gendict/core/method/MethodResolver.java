package io.gendict.core.method;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.param.ComponentSpec;
import io.gendict.core.param.Params;
import io.gendict.core.plugin.ProviderNames;
import io.gendict.core.plugin.Suggestions;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.MethodProvider;
import io.gendict.core.spi.Provider;
import io.gendict.core.spi.Registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one place a method spec is resolved: a {@link MethodProvider} ({@code altmin}, {@code fast},
 * a plugin's method) or a baseline ({@code ksvd:iterations=2}), case-insensitive, a namespaced name
 * also by its bare name. A generative method may compose in another oracle or update rule, in its
 * spec ({@code altmin:oracle=SPEC,update=SPEC}) or from {@code --oracle/--update}; the two must agree
 * when both are given. The spec is parsed and validated once; the result is a {@link ResolvedMethod}.
 *
 * @since 0.1
 */
public final class MethodResolver {
    /** The spec key composing an oracle into a generative method. */
    public static final String ORACLE = "oracle";
    /** The spec key composing an update rule into a generative method. */
    public static final String UPDATE = "update";
    private static final String KIND = "method";
    private final Registry registry;

    /** @param registry the providers of methods, baselines, oracles and update rules */
    public MethodResolver(Registry registry) {
        this.registry = registry;
    }

    /** @return every method name: generative methods first, then baselines, each sorted */
    public List<String> names() {
        List<String> names = new ArrayList<>(registry.methods().keySet());
        names.addAll(registry.baselines().keySet());
        return names;
    }

    /**
     * @param spec a method spec
     * @return whether it names a generative method (a {@link MethodProvider})
     */
    public boolean generative(String spec) {
        return method(name(ComponentSpec.parse(spec))).isPresent();
    }

    /**
     * Checks a spec's name and parameters (and the names and parameters of composed components)
     * without a prior and without building anything.
     *
     * @param spec e.g. {@code fast}, {@code altmin:oracle=gauss-newton} or {@code ksvd:iterations=2}
     * @throws GendictException UNKNOWN_NAME (with the closest name) or INVALID_PARAMETER
     */
    public void validate(String spec) {
        Parts parts = parts(spec, null, null);
        if (parts.oracle != null) {
            ComponentSpec o = ComponentSpec.parse(parts.oracle);
            registry.lookup("oracle", registry.oracles(), o).parameters().validate(o.name(), o.raw());
        }
        if (parts.update != null) {
            ComponentSpec u = ComponentSpec.parse(parts.update);
            registry.lookup("update rule", registry.updateRules(), u).parameters().validate(u.name(), u.raw());
        }
    }

    /**
     * @param spec      a method spec
     * @param oracle    oracle spec from {@code --oracle}, or {@code null}
     * @param update    update rule spec from {@code --update}, or {@code null}
     * @param prior     the prior the method learns with
     * @param streaming whether the learner is fed batches it cannot keep a window of (spark-learn), so
     *                  a generative method must update A with a rule after each batch
     * @return the method with its recipe, oracle and rule specs
     * @throws GendictException UNKNOWN_NAME or INVALID_PARAMETER (an oracle or rule given to a
     *                          baseline, composed and given components that disagree)
     */
    public ResolvedMethod resolve(String spec, String oracle, String update, GenerativePrior prior, boolean streaming) {
        Parts parts = parts(spec, oracle, update);
        if (parts.baseline != null) {
            return ResolvedMethod.baseline(parts.canonical, parts.baseline, parts.params);
        }
        MethodProvider method = parts.method;
        return ResolvedMethod.generative(registry, parts.canonical, method, parts.params,
                method.recipe(parts.params, prior, streaming || parts.update != null), parts.oracle, parts.update);
    }

    private Parts parts(String spec, String oracle, String update) {
        ComponentSpec parsed = ComponentSpec.parse(spec);
        String name = name(parsed);
        Optional<MethodProvider> method = method(name);
        if (method.isEmpty()) {
            BaselineProvider baseline = ProviderNames.find(KIND, registry.baselines(), name)
                    .orElseThrow(() -> Suggestions.unknownName(KIND, name, names()));
            if (oracle != null || update != null) {
                throw new GendictException(ErrorKind.INVALID_PARAMETER, (oracle != null ? "--oracle" : "--update")
                        + ": method '" + spec + "' is a sparse baseline; only generative methods take an oracle or update rule");
            }
            Params params = validated(baseline, parsed.raw());
            return new Parts(params.toSpecString(), null, baseline, params, null, null);
        }
        Map<String, Object> own = new LinkedHashMap<>(parsed.raw());
        String composedOracle = composed(own.remove(ORACLE), oracle, "--oracle");
        String composedUpdate = composed(own.remove(UPDATE), update, "--update");
        Params params = validated(method.get(), own);
        String canonical = params.toSpecString();
        String sep = params.values().isEmpty() ? ":" : ",";
        for (String key : List.of(ORACLE, UPDATE)) {
            if (parsed.raw().containsKey(key)) {
                canonical += sep + key + "=" + parsed.raw().get(key);
                sep = ",";
            }
        }
        return new Parts(canonical, method.get(), null, params, composedOracle, composedUpdate);
    }

    /** @return the component given in the spec or by option (they must agree), or {@code null} */
    private static String composed(Object inSpec, String byOption, String option) {
        String fromSpec = inSpec == null ? null : inSpec.toString();
        if (fromSpec != null && byOption != null && !fromSpec.equals(byOption)) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, option + ": '" + byOption
                    + "' disagrees with the method's own " + option.substring(2) + "=" + fromSpec + "; give one");
        }
        return fromSpec != null ? fromSpec : byOption;
    }

    private static Params validated(Provider provider, Map<String, Object> raw) {
        return provider.parameters().validate(provider.name(), raw);
    }

    private Optional<MethodProvider> method(String name) {
        return ProviderNames.find(KIND, registry.methods(), name);
    }

    private static String name(ComponentSpec spec) {
        return spec.name().toLowerCase(Locale.ROOT);
    }

    /** A spec split into its provider, its own parameters and its composed components. */
    private record Parts(String canonical, MethodProvider method, BaselineProvider baseline, Params params,
                         String oracle, String update) {
    }
}
