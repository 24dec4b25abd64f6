package io.gendict.core.plugin;

import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.MethodProvider;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.PriorProvider;
import io.gendict.core.spi.Provider;
import io.gendict.core.spi.UpdateRuleProvider;

import java.util.List;

/**
 * One of the five kinds of plugin provider, with the words used for it in messages and listings.
 *
 * @param <P> the provider interface
 * @since 0.1
 */
public final class ProviderKind<P extends Provider> {
    /** Generative priors G. */
    public static final ProviderKind<PriorProvider> PRIOR =
            new ProviderKind<>("prior", "priors", PriorProvider.class);
    /** Decode oracles. */
    public static final ProviderKind<OracleProvider> ORACLE =
            new ProviderKind<>("oracle", "oracles", OracleProvider.class);
    /** Dictionary update rules. */
    public static final ProviderKind<UpdateRuleProvider> UPDATE_RULE =
            new ProviderKind<>("update rule", "update rules", UpdateRuleProvider.class);
    /** Generative dictionary-learning methods (recipes over an oracle and an update rule). */
    public static final ProviderKind<MethodProvider> METHOD =
            new ProviderKind<>("method", "methods", MethodProvider.class);
    /** Sparse dictionary-learning baselines. */
    public static final ProviderKind<BaselineProvider> BASELINE =
            new ProviderKind<>("baseline", "baselines", BaselineProvider.class);

    private static final List<ProviderKind<?>> ALL = List.of(PRIOR, ORACLE, UPDATE_RULE, METHOD, BASELINE);

    private final String label;
    private final String plural;
    private final Class<P> type;

    private ProviderKind(String label, String plural, Class<P> type) {
        this.label = label;
        this.plural = plural;
        this.type = type;
    }

    /** @return the five kinds, in listing order */
    public static List<ProviderKind<?>> all() {
        return ALL;
    }

    /** @return the singular word used in messages, e.g. {@code "update rule"} */
    public String label() {
        return label;
    }

    /** @return the plural word used in listings, e.g. {@code "update rules"} */
    public String plural() {
        return plural;
    }

    /** @return the provider interface that {@code META-INF/services} files name */
    public Class<P> type() {
        return type;
    }

    @Override
    public String toString() {
        return label;
    }
}
