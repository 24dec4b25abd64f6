package io.gendict.core.experiment;

import io.gendict.core.spi.DictionaryLearner;

/**
 * Observes an experiment's progress (e.g. a progress bar).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ExperimentListener {
    /**
     * Called after each evaluated training batch.
     *
     * @param done  steps completed so far
     * @param total steps in the whole run (methods × trials × batches)
     * @param row   the row just produced
     */
    void onStep(long done, long total, ResultRow row);

    /**
     * Called when a method has consumed all training batches of a trial, e.g. to render its
     * reconstructions. Does nothing by default.
     *
     * @param trial   0-based trial
     * @param method  the method name
     * @param learner the trained learner
     * @param data    the trial's data (its test batches)
     */
    default void afterMethod(int trial, String method, DictionaryLearner learner, TrialData data) {
    }
}
