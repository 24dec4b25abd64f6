package io.gendict.core.spi;

import io.gendict.core.param.ComponentSpec;

import java.util.Map;

/**
 * The providers known to this process, by kind and name: built-in and from plugin jars alike.
 * Lookups of an unknown name throw a one-line error that suggests the closest known name.
 *
 * @since 0.1
 */
public interface Registry {
    /** @return prior providers by name */
    Map<String, PriorProvider> priors();

    /** @return oracle providers by name */
    Map<String, OracleProvider> oracles();

    /** @return update rule providers by name */
    Map<String, UpdateRuleProvider> updateRules();

    /** @return baseline providers by name */
    Map<String, BaselineProvider> baselines();

    /**
     * @return generative method providers by name
     * @since 0.1
     */
    Map<String, MethodProvider> methods();

    /**
     * @param spec e.g. {@code group-sparsity:n=300,k=10} or the same as JSON
     * @return the created prior
     */
    GenerativePrior prior(String spec);

    /** @return the oracle described by {@code spec} */
    DecodeOracle oracle(String spec);

    /** @return a new update rule described by {@code spec} */
    UpdateRule updateRule(String spec);

    /**
     * Looks a provider up and validates the spec's parameters against it.
     *
     * @param kind      e.g. {@code "prior"}, used in messages
     * @param providers the providers of that kind
     * @param spec      the parsed spec
     * @param <P>       provider type
     * @return the provider, never null
     */
    <P extends Provider> P lookup(String kind, Map<String, P> providers, ComponentSpec spec);
}
