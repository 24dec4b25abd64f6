package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

/**
 * Per-sample codes produced by a {@link DictionaryLearner}: dense latents z (B×k) for generative
 * methods, or sparse coefficients for sparse baselines (values B×K with their atom indices).
 *
 * @param values  B×k latents, or B×K non-zero coefficients
 * @param indices for sparse codes, row-major B×K atom indices with -1 marking an unused slot;
 *                {@code null} for dense codes
 * @since 0.1
 */
public record Codes(DMatrixRMaj values, int[] indices) {
    /** @return whether these are sparse codes */
    public boolean sparse() {
        return indices != null;
    }
}
