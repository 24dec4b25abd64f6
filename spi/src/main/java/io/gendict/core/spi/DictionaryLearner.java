package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

/**
 * Learns a dictionary A (m×n) from a stream of fresh batches and codes samples with it. Generative
 * methods (altmin, algorithm1, autodiff, fast) and sparse baselines (MOD, K-SVD, online DL) share
 * this face so experiments treat every method alike. Stateful; not thread-safe.
 *
 * @since 0.1
 */
public interface DictionaryLearner {
    /** @return the method name, e.g. {@code "altmin"} or {@code "ksvd"} */
    String name();

    /**
     * Consumes one fresh training batch.
     *
     * @param y B×m samples. Not modified.
     */
    void fit(DMatrixRMaj y);

    /** @return the current m×n dictionary (a live view; do not modify) */
    DMatrixRMaj dictionary();

    /** @return training samples consumed so far */
    long samplesSeen();

    /**
     * Codes samples with the current dictionary.
     *
     * @param y B×m samples. Not modified.
     * @return their codes
     */
    Codes encode(DMatrixRMaj y);

    /**
     * Codes samples block by block as one {@link #encode} of all of them would. The default suits a
     * learner whose encode codes each row on its own, independently of earlier calls; a learner whose
     * encode draws from a random stream overrides it.
     *
     * @return a coder of one sequence of blocks, starting from this learner's current state
     */
    default BlockEncoder blockEncoder() {
        return this::encode;
    }

    /**
     * Reconstructs the coefficient vectors x̂ (B×n) of the given codes: G(z) for generative
     * methods, the scattered sparse coefficients for baselines.
     *
     * @param codes codes from {@link #encode}, possibly quantized. Not modified.
     * @param out   B×n, overwritten
     */
    void coefficients(Codes codes, DMatrixRMaj out);

    /**
     * Registers a listener called after each batch.
     *
     * @param listener the listener
     */
    void addListener(LearnerListener listener);
}
