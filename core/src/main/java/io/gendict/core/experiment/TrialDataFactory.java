package io.gendict.core.experiment;

/**
 * Creates the data of a trial from a seed (the same seed gives the same data).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface TrialDataFactory {
    /**
     * @param trial    0-based trial index
     * @param seed     seed of this trial
     * @param settings the experiment settings (batch sizes and counts)
     * @return the trial's data
     */
    TrialData create(int trial, long seed, ExperimentSettings settings);
}
