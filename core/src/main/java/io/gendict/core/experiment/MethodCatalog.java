package io.gendict.core.experiment;

import io.gendict.core.error.GendictException;
import io.gendict.core.method.MethodResolver;
import io.gendict.core.method.ResolvedMethod;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The methods an experiment compares, by spec: the generative methods ({@code altmin},
 * {@code algorithm1}, {@code autodiff}, {@code fast}, …, plugins' methods, compositions such as
 * {@code altmin:oracle=SPEC,update=SPEC}) and every registered baseline, which may carry parameters
 * ({@code ksvd:iterations=2}). Names are case-insensitive, so the paper's {@code MOD} and
 * {@code kSVD} work. Specs are resolved by {@link MethodResolver}.
 *
 * @since 0.1
 */
public final class MethodCatalog implements MethodFactory {
    /**
     * Splits a comma-separated list of method specs where a comma does not start another
     * {@code key=value} parameter: {@code pca,ksvd:iterations=2,atoms=50} is two methods.
     */
    public static final String LIST_SPLIT = ",(?![\\w.-]+=)";
    private final MethodResolver resolver;

    /**
     * @param registry resolves methods, oracles, update rules and baselines
     */
    public MethodCatalog(Registry registry) {
        this.resolver = new MethodResolver(registry);
    }

    /** @return every method name: generative methods first, then baselines */
    public List<String> names() {
        return resolver.names();
    }

    /**
     * @param method a method spec
     * @return whether it names a generative method rather than a baseline
     */
    public boolean generative(String method) {
        return resolver.generative(method);
    }

    /**
     * Checks a method spec without building anything.
     *
     * @param method e.g. {@code fast} or {@code ksvd:iterations=2}
     * @throws GendictException UNKNOWN_NAME (with the closest name) or INVALID_PARAMETER
     */
    public void validate(String method) {
        resolver.validate(method);
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
     * What a method spec resolves to for a prior, for provenance: for a generative method its recipe,
     * oracle and update rule ({@code update} is null where the recipe updates A without a rule:
     * autodiff's joint Adam, fast's windowed restarts); for a baseline its spec with every parameter,
     * defaults included.
     *
     * @param method a method spec such as {@code fast} or {@code ksvd:iterations=2}
     * @param prior  the prior the method learns with
     * @return an ordered map: {@code spec}, then {@code recipe}, {@code oracle} and {@code update} for
     * generative methods
     */
    public Map<String, String> resolve(String method, GenerativePrior prior) {
        ResolvedMethod resolved = resolver.resolve(method, null, null, prior, false);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("spec", resolved.spec());
        if (resolved.generative()) {
            out.put("recipe", resolved.recipe());
            out.put("oracle", resolved.oracle());
            out.put("update", resolved.update());
        }
        return out;
    }

    @Override
    public DictionaryLearner create(String method, LearnerContext context) {
        return resolver.resolve(method, null, null, context.prior(), false).build(context);
    }
}
