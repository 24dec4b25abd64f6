package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

/**
 * What a learner is created for: the data dimension, the prior (its k and n set the default code
 * size and number of atoms), an optional initial dictionary, the seed and the thread count.
 *
 * @param m                 data dimension
 * @param prior             the generative prior of the experiment
 * @param initialDictionary m×n starting dictionary, or {@code null} for the method's own initialisation
 * @param seed              root seed; the same seed gives the same result bit for bit
 * @param threads           worker threads the learner may use (≥ 1)
 * @since 0.1
 */
public record LearnerContext(int m, GenerativePrior prior, DMatrixRMaj initialDictionary, long seed, int threads) {
}
