package io.gendict.core.spi;

import io.gendict.core.param.Params;

/**
 * Creates a {@link DecodeOracle} from a name and typed parameters.
 *
 * @since 0.1
 */
public interface OracleProvider extends Provider {
    /**
     * @param params   validated against {@link #parameters()}
     * @param registry the plugin registry, for oracles that wrap another oracle by name
     * @return the oracle
     */
    DecodeOracle create(Params params, Registry registry);
}
