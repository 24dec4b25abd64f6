package io.gendict.core.spi;

import io.gendict.core.param.Params;

/**
 * Creates a fresh {@link UpdateRule} (one per learning run) from a name and typed parameters.
 *
 * @since 0.1
 */
public interface UpdateRuleProvider extends Provider {
    /**
     * @param params validated against {@link #parameters()}
     * @return a new rule instance
     */
    UpdateRule create(Params params);
}
