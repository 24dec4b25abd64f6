package io.gendict.core.experiment;

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
}
