package io.gendict.core.model;

import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

/**
 * A learned model as kept in a model folder ({@link ModelStore}): the dictionary, the prior it was
 * learned under, and what produced it.
 *
 * @param dictionary m×n dictionary A
 * @param prior      the generative prior (its spec and arrays are saved, so it reloads bit for bit)
 * @param info       method, settings, seed, samples seen, versions and the training curve
 * @since 0.1
 */
public record Model(DMatrixRMaj dictionary, GenerativePrior prior, ModelInfo info) {
}
