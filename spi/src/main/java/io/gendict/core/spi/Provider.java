package io.gendict.core.spi;

import io.gendict.core.param.ParamSpec;

/**
 * What every plugin provider has: a kebab-case name, a one-line description and its parameters.
 * Providers are discovered with {@link java.util.ServiceLoader}; they need a public no-argument
 * constructor and must be stateless.
 *
 * @since 0.1
 */
public interface Provider {
    /** @return the kebab-case name used on the command line, e.g. {@code "group-sparsity"} */
    String name();

    /** @return one line saying what the provided component computes */
    String description();

    /** @return the parameters {@code create} accepts */
    ParamSpec parameters();
}
