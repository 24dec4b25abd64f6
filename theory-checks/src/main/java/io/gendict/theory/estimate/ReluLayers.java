package io.gendict.theory.estimate;

import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * Optional interface for a {@link io.gendict.core.spi.GenerativePrior} that is a bias-free ReLU network
 * G(z) = ReLU(W_L ⋯ ReLU(W_1 z)) (ALGORITHMS.md §1, Theorem 5.3). A prior that implements it gets the
 * WDC checked for every layer by {@link TheoryReport}; any other prior skips that part. Third-party
 * priors may implement it too: it only exposes the weights, it adds no behaviour.
 *
 * @since 0.1
 */
public interface ReluLayers {
    /**
     * @return the layer weights in order W_1 … W_L; W_i is n_i × n_{i−1} (rows w_j ∈ R^{n_{i−1}},
     *         n_0 = k). Callers must not modify them.
     */
    List<DMatrixRMaj> reluWeights();
}
