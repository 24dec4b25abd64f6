package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * Optional interface for a {@link GenerativePrior} that may be a bias-free ReLU network
 * G(z) = ReLU(W_L ⋯ ReLU(W_1 z)) (docs/algorithms.md §1, Theorem 5.3). The theory checks test the WDC of
 * every layer of a prior that returns weights here; any other prior skips that part. Third-party
 * priors may implement it too: it only exposes the weights, it adds no behaviour.
 *
 * @since 0.1
 */
public interface ReluLayers {
    /**
     * @return the layer weights in order W_1 … W_L; W_i is n_i × n_{i−1} (rows w_j ∈ R^{n_{i−1}},
     *         n_0 = k); empty when this instance is not a bias-free ReLU network. Callers must not
     *         modify them.
     */
    List<DMatrixRMaj> reluWeights();
}
