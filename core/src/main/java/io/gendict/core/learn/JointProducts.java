package io.gendict.core.learn;

import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LinearFeatures;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The two products of a joint (A, Z) gradient step that involve the latents (ALGORITHMS.md §2.3):
 * A·G(Z)ᵀ and ∂L/∂Z = J_Gᵀ(2·R·A). When the prior declares G(z) = M·φ(z) ({@link LinearFeatures})
 * both go through E = A·M (m×k): A·G(Z)ᵀ = E·φ(Z)ᵀ and J_Gᵀ(2·R·A) = J_φᵀ(2·R·E), the same math in
 * O(m·n·k + m·k·B) instead of 2·O(m·n·B). Scratch is reused between steps. Not thread-safe.
 */
final class JointProducts {
    private final GenerativePrior prior;
    private final MatrixKernels kernels;
    private final DMatrixRMaj mixing;
    private final LinearFeatures.Feature feature;
    private final DMatrixRMaj e;
    private final DMatrixRMaj h = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dh = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj xt = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dx = new DMatrixRMaj(1, 1);

    /**
     * @param prior   the prior
     * @param m       data dimension
     * @param kernels the kernels for the products
     */
    JointProducts(GenerativePrior prior, int m, MatrixKernels kernels) {
        this.prior = prior;
        this.kernels = kernels;
        LinearFeatures lf = prior.linearFeatures().orElse(null);
        this.mixing = lf == null ? null : lf.mixing();
        this.feature = lf == null ? null : lf.feature();
        this.e = lf == null ? null : new DMatrixRMaj(m, mixing.numCols);
    }

    /**
     * @param a  m×n dictionary. Not modified.
     * @param z  B×k latents. Not modified.
     * @param x  B×n, overwritten with G(Z)
     * @param rt m×B, overwritten with A·G(Z)ᵀ
     */
    void forward(DMatrixRMaj a, DMatrixRMaj z, DMatrixRMaj x, DMatrixRMaj rt) {
        prior.forward(z, x);
        if (mixing == null) {
            xt.reshape(x.numCols, x.numRows);
            CommonOps_DDRM.transpose(x, xt);
            kernels.gemm(false, false, 1, a, xt, 0, rt);
            return;
        }
        kernels.gemm(false, false, 1, a, mixing, 0, e);
        h.reshape(z.numRows, z.numCols);
        if (feature == LinearFeatures.Feature.SQUARE) {
            kernels.multiply(z.numRows * z.numCols, z.data, z.data, h.data);
        } else {
            h.setTo(z);
        }
        kernels.gemm(false, true, 1, e, h, 0, rt);
    }

    /**
     * @param a  the dictionary of the last {@link #forward}. Not modified.
     * @param z  the latents of the last {@link #forward}. Not modified.
     * @param rt m×B residual Rᵀ = A·G(Z)ᵀ − Yᵀ. Not modified.
     * @param dz B×k, overwritten with J_Gᵀ(2·R·A)
     */
    void latentGradient(DMatrixRMaj a, DMatrixRMaj z, DMatrixRMaj rt, DMatrixRMaj dz) {
        if (mixing == null) {
            dx.reshape(rt.numCols, a.numCols);
            kernels.gemm(true, false, 2, rt, a, 0, dx);
            prior.vjp(z, dx, dz);
            return;
        }
        dh.reshape(rt.numCols, e.numCols);
        kernels.gemm(true, false, 2, rt, e, 0, dh);
        if (feature == LinearFeatures.Feature.SQUARE) {
            for (int i = 0, size = z.numRows * z.numCols; i < size; i++) {
                dz.data[i] = 2 * z.data[i] * dh.data[i];
            }
        } else {
            dz.setTo(dh);
        }
    }
}
