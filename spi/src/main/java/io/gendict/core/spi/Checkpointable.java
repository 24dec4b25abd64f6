package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

import java.util.Map;

/**
 * A {@link DictionaryLearner} whose whole training state (dictionary, optimiser and accumulator
 * state, batch and sample counters) can be saved and restored, so that a run resumed from a
 * checkpoint continues bit for bit as if it had never stopped. Per-batch randomness must derive
 * from the seed and the batch index, so the counters are the only random state.
 *
 * @since 0.1
 */
public interface Checkpointable {
    /**
     * @return the learner's state as named matrices (copies; the learner keeps running)
     */
    Map<String, DMatrixRMaj> state();

    /**
     * Restores a state saved by {@link #state()} into a learner created with the same method,
     * parameters, prior, context and seed.
     *
     * @param state as saved. Not modified.
     * @throws io.gendict.core.error.GendictException INVALID_INPUT naming a missing or mis-shaped entry
     */
    void restore(Map<String, DMatrixRMaj> state);
}
