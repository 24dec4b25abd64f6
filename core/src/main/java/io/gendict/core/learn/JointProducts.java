package io.gendict.core.learn;

import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The two products of a joint (A, Z) gradient step that involve the latents (docs/algorithms.md §2.3),
 * through G and its vector–Jacobian product, for any prior: A·G(Z)ᵀ and ∂L/∂Z = J_Gᵀ(2·R·A).
 * (Priors with linear features take the factored route of {@link FactoredJointSteps}.) Scratch is
 * reused between steps. Not thread-safe.
 */
final class JointProducts {
    private final GenerativePrior prior;
    private final MatrixKernels kernels;
    private final DMatrixRMaj xt = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dx = new DMatrixRMaj(1, 1);

    /**
     * @param prior   the prior
     * @param kernels the kernels for the products
     */
    JointProducts(GenerativePrior prior, MatrixKernels kernels) {
        this.prior = prior;
        this.kernels = kernels;
    }

    /**
     * @param a  m×n dictionary. Not modified.
     * @param z  B×k latents. Not modified.
     * @param x  B×n, overwritten with G(Z)
     * @param rt m×B, overwritten with A·G(Z)ᵀ
     */
    void forward(DMatrixRMaj a, DMatrixRMaj z, DMatrixRMaj x, DMatrixRMaj rt) {
        prior.forward(z, x);
        xt.reshape(x.numCols, x.numRows);
        CommonOps_DDRM.transpose(x, xt);
        kernels.gemm(false, false, 1, a, xt, 0, rt);
    }

    /**
     * @param a  the dictionary of the last {@link #forward}. Not modified.
     * @param z  the latents of the last {@link #forward}. Not modified.
     * @param rt m×B residual Rᵀ = A·G(Z)ᵀ − Yᵀ. Not modified.
     * @param dz B×k, overwritten with J_Gᵀ(2·R·A)
     */
    void latentGradient(DMatrixRMaj a, DMatrixRMaj z, DMatrixRMaj rt, DMatrixRMaj dz) {
        dx.reshape(rt.numCols, a.numCols);
        kernels.gemm(true, false, 2, rt, a, 0, dx);
        prior.vjp(z, dx, dz);
    }
}
