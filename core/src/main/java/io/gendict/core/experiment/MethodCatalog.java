package io.gendict.core.experiment;

import io.gendict.core.error.GendictException;
import io.gendict.core.learn.GenerativeMethods;
import io.gendict.core.param.ComponentSpec;
import io.gendict.core.plugin.ProviderNames;
import io.gendict.core.plugin.Suggestions;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves method names to learners: the generative methods ({@code altmin}, {@code algorithm1},
 * {@code autodiff}, {@code fast}) and every registered baseline, which may carry parameters
 * ({@code ksvd:iterations=2}). Names are case-insensitive, so the paper's {@code MOD} and
 * {@code kSVD} work.
 *
 * @since 0.1
 */
public final class MethodCatalog implements MethodFactory {
    /**
     * Splits a comma-separated list of method specs where a comma does not start another
     * {@code key=value} parameter: {@code pca,ksvd:iterations=2,atoms=50} is two methods.
     */
    public static final String LIST_SPLIT = ",(?![\\w.-]+=)";
    private final Registry registry;

    /**
     * @param registry resolves oracles, update rules and baselines
     */
    public MethodCatalog(Registry registry) {
        this.registry = registry;
    }

    /** @return every method name: generative methods first, then baselines */
    public List<String> names() {
        List<String> names = new ArrayList<>(GenerativeMethods.names());
        names.addAll(registry.baselines().keySet());
        return names;
    }

    /**
     * Checks a method spec without building anything.
     *
     * @param method e.g. {@code fast} or {@code ksvd:iterations=2}
     * @throws GendictException UNKNOWN_NAME (with the closest name) or INVALID_PARAMETER
     */
    public void validate(String method) {
        ComponentSpec spec = parse(method);
        if (GenerativeMethods.names().contains(spec.name())) {
            GenerativeMethods.params(method);
        } else {
            BaselineProvider provider = baseline(spec);
            provider.parameters().validate(provider.name(), spec.raw());
        }
    }

    /**
     * @param method a method spec such as {@code kSVD:iterations=2}
     * @return the same spec with its name in lower case, as results report it
     */
    public static String canonical(String method) {
        int colon = method.indexOf(':');
        String name = (colon < 0 ? method : method.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        return colon < 0 ? name : name + method.substring(colon);
    }

    /**
     * What a method spec resolves to for a prior, for provenance: for a generative method its oracle
     * and update rule (what {@code fast} picks for this prior; {@code update} is null where the
     * method updates A without a rule: autodiff's joint Adam, fast's windowed restarts); for a
     * baseline its spec with every parameter, defaults included.
     *
     * @param method a method spec such as {@code fast} or {@code ksvd:iterations=2}
     * @param prior  the prior the method learns with
     * @return an ordered map: {@code spec}, then {@code oracle} and {@code update} for generative methods
     */
    public Map<String, String> resolve(String method, GenerativePrior prior) {
        ComponentSpec spec = parse(method);
        Map<String, String> out = new LinkedHashMap<>();
        if (GenerativeMethods.names().contains(spec.name())) {
            out.put("spec", GenerativeMethods.params(method).toSpecString());
            out.put("oracle", GenerativeMethods.oracleSpec(spec.name(), prior));
            out.put("update", GenerativeMethods.ruleSpec(spec.name(), prior));
        } else {
            BaselineProvider provider = baseline(spec);
            out.put("spec", provider.parameters().validate(provider.name(), spec.raw()).toSpecString());
        }
        return out;
    }

    @Override
    public DictionaryLearner create(String method, LearnerContext context) {
        ComponentSpec spec = parse(method);
        if (GenerativeMethods.names().contains(spec.name())) {
            return GenerativeMethods.create(method, context, registry);
        }
        BaselineProvider provider = baseline(spec);
        return provider.create(provider.parameters().validate(provider.name(), spec.raw()), context);
    }

    private static ComponentSpec parse(String method) {
        ComponentSpec spec = ComponentSpec.parse(method);
        return new ComponentSpec(spec.name().toLowerCase(Locale.ROOT), spec.raw());
    }

    private BaselineProvider baseline(ComponentSpec spec) {
        return ProviderNames.find("method", registry.baselines(), spec.name())
                .orElseThrow(() -> Suggestions.unknownName("method", spec.name(), names()));
    }
}
