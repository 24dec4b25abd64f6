package io.gendict.core.data;

import org.ejml.data.DMatrixRMaj;

/**
 * One batch of synthetic samples y = A*·G(z) + η (docs/algorithms.md §3), one sample per row.
 *
 * @param y     B×m noisy observations
 * @param z     B×k true latents z*
 * @param x     B×n prior outputs G(z*)
 * @param clean B×m noiseless signals A*·G(z*)
 * @since 0.1
 */
public record Batch(DMatrixRMaj y, DMatrixRMaj z, DMatrixRMaj x, DMatrixRMaj clean) {
    /** @return the number of samples B */
    public int size() {
        return y.numRows;
    }
}
