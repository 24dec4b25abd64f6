package io.gendict.core.experiment;

import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;

/**
 * Creates a fresh learner for a method name (a generative method or a baseline).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface MethodFactory {
    /**
     * @param method  the method name, e.g. {@code "fast"} or {@code "ksvd"}
     * @param context dimension, prior, initial dictionary, seed and threads
     * @return a new learner
     */
    DictionaryLearner create(String method, LearnerContext context);
}
