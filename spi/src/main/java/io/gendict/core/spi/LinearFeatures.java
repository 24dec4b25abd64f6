package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

/**
 * A prior's declaration that G(z) = M·φ(z) exactly for every z, with a fixed n×q matrix M and an
 * elementwise feature map φ: R^k → R^q (q = k). A decoder may then solve for w = φ(z) by (constrained)
 * linear least squares and map back with φ⁻¹ on φ's range. For example
 * {@code group-sparsity} G(z) = ReLU(M·(z∘z)) with M ≥ 0 equals M·(z∘z) (docs/algorithms.md §1).
 *
 * @param mixing  n×k matrix M. Not to be modified.
 * @param feature the feature map φ
 * @since 0.1
 */
public record LinearFeatures(DMatrixRMaj mixing, Feature feature) {

    /** Elementwise feature maps φ a prior can declare. */
    public enum Feature {
        /** φ(z) = z: the prior is linear. Range: all of R^k; inverse: identity. */
        IDENTITY,
        /** φ(z) = z∘z: range w ≥ 0 (a non-negative least-squares problem); inverse: z = √w (sign free). */
        SQUARE
    }
}
