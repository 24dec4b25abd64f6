package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

/**
 * Observes a {@link DictionaryLearner}: called after every training batch (for progress bars,
 * curves and checkpoints).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface LearnerListener {
    /**
     * @param batch       0-based index of the batch just consumed
     * @param samplesSeen training samples consumed so far
     * @param dictionary  the current m×n dictionary. Not to be modified.
     * @param trainError  mean ‖y − A·x‖² of the batch after its decode, before the update
     */
    void afterBatch(int batch, long samplesSeen, DMatrixRMaj dictionary, double trainError);
}
