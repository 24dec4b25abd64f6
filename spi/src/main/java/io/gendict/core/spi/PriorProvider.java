package io.gendict.core.spi;

import io.gendict.core.param.Params;
import org.ejml.data.DMatrixRMaj;

import java.util.Map;

/**
 * Creates a {@link GenerativePrior} from a name and typed parameters.
 *
 * @since 0.1
 */
public interface PriorProvider extends Provider {
    /**
     * @param params validated against {@link #parameters()}
     * @return the prior
     */
    GenerativePrior create(Params params);

    /**
     * Recreates a saved prior bit for bit from its parameters and the arrays it saved.
     *
     * @param params validated parameters as saved
     * @param arrays the prior's {@link GenerativePrior#arrays()} as saved. Not modified.
     * @return the prior
     */
    default GenerativePrior restore(Params params, Map<String, DMatrixRMaj> arrays) {
        return create(params);
    }
}
