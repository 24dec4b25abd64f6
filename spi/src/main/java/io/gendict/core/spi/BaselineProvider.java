package io.gendict.core.spi;

import io.gendict.core.param.Params;

/**
 * Creates a sparse-coding {@link DictionaryLearner} (MOD, K-SVD, online DL, …) from a name and
 * typed parameters.
 *
 * @since 0.1
 */
public interface BaselineProvider extends Provider {
    /**
     * @param params  validated against {@link #parameters()}
     * @param context dimensions, prior, initial dictionary, seed and threads
     * @return a new learner
     */
    DictionaryLearner create(Params params, LearnerContext context);
}
