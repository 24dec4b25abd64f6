package io.gendict.core.experiment;

import org.ejml.data.DMatrixRMaj;

/**
 * One test batch of the evaluation protocol (docs/algorithms.md §3).
 *
 * @param noisy   B×m observations y_i given to the method
 * @param clean   B×m clean signals the reconstruction is compared with: A*·G(z*_i) for synthetic
 *                data, the clean (transformed) image for the transfer task
 * @param latents B×k true latents z*_i for synthetic data, {@code null} where there are none
 * @since 0.1
 */
public record TestBatch(DMatrixRMaj noisy, DMatrixRMaj clean, DMatrixRMaj latents) {
    /**
     * A batch without true latents (e.g. images).
     *
     * @param noisy B×m observations
     * @param clean B×m clean signals
     */
    public TestBatch(DMatrixRMaj noisy, DMatrixRMaj clean) {
        this(noisy, clean, null);
    }
}
