package io.gendict.oracles.update;

import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.learn.Adam;
import io.gendict.core.spi.LinearFeatures;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The steps of {@link AdamUpdateRule} for a prior with linear features, X = H·Mᵀ with H = φ(Ẑ) (B×k)
 * and M (n×k): the gradient of ‖Y − X·Aᵀ‖²_F is 2·(A·M·S − C)·Mᵀ with S = HᵀH (k×k) and C = Yᵀ·H
 * (m×k) formed once per call, so a step costs about 4·m·n·k flops instead of 4·m·n·B (or 2·m·n² in
 * the Gram form): the same math, reassociated. A block of rows of A runs all its steps in cache, held
 * transposed (n×rows) with its Adam moments, so that every product has the block as its wide last
 * dimension: Eᵀ = Mᵀ·Aᵀ, U = 2·S·Eᵀ − 2·Cᵀ, ∇ᵀ = M·U (the factor 2 is exact in floating point).
 * Blocks are independent, and the arithmetic of a row does not depend on which thread runs its
 * block. Immutable after construction; {@link #fitRows} allocates only its block's workspace.
 */
final class AdamUpdateRuleFactored {
    private final DMatrixRMaj mixing;
    private final DMatrixRMaj mixingT;
    private final DMatrixRMaj gram;
    private final DMatrixRMaj negTwoCt;

    /**
     * @param features the prior's declaration G(z) = M·φ(z)
     * @param y        B×m batch. Not modified.
     * @param z        B×k decoded latents. Not modified.
     */
    AdamUpdateRuleFactored(LinearFeatures features, DMatrixRMaj y, DMatrixRMaj z) {
        MatrixKernels kern = Kernels.get();
        this.mixing = features.mixing();
        this.mixingT = CommonOps_DDRM.transpose(mixing, null);
        DMatrixRMaj h = new DMatrixRMaj(z.numRows, z.numCols);
        if (features.feature() == LinearFeatures.Feature.SQUARE) {
            kern.multiply(z.numRows * z.numCols, z.data, z.data, h.data);
        } else {
            h.setTo(z);
        }
        this.gram = new DMatrixRMaj(h.numCols, h.numCols);
        kern.gemm(true, false, 1, h, h, 0, gram);
        this.negTwoCt = new DMatrixRMaj(h.numCols, y.numCols);
        kern.gemm(true, false, -2, h, y, 0, negTwoCt);
    }

    /**
     * All Adam steps for rows [from, to) of A; other rows are neither read nor written.
     *
     * @param a          m×n dictionary; rows [from, to) overwritten
     * @param from       first row
     * @param to         end row (exclusive)
     * @param lr         Adam learning rate
     * @param iterations Adam steps
     */
    void fitRows(DMatrixRMaj a, int from, int to, double lr, int iterations) {
        MatrixKernels kern = Kernels.get();
        int n = a.numCols;
        int k = gram.numRows;
        int rows = to - from;
        DMatrixRMaj at = new DMatrixRMaj(n, rows);
        for (int i = 0; i < rows; i++) {
            int src = (from + i) * n;
            for (int l = 0; l < n; l++) {
                at.data[l * rows + i] = a.data[src + l];
            }
        }
        DMatrixRMaj negTwoCtBlock = CommonOps_DDRM.extract(negTwoCt, 0, k, from, to);
        DMatrixRMaj et = new DMatrixRMaj(k, rows);
        DMatrixRMaj u = new DMatrixRMaj(k, rows);
        DMatrixRMaj grad = new DMatrixRMaj(n, rows);
        Adam adam = new Adam(n * rows, lr);
        for (int it = 0; it < iterations; it++) {
            kern.gemm(false, false, 1, mixingT, at, 0, et);
            u.setTo(negTwoCtBlock);
            kern.gemm(false, false, 2, gram, et, 1, u);
            kern.gemm(false, false, 1, mixing, u, 0, grad);
            adam.step(at.data, grad.data);
        }
        for (int i = 0; i < rows; i++) {
            int dst = (from + i) * n;
            for (int l = 0; l < n; l++) {
                a.data[dst + l] = at.data[l * rows + i];
            }
        }
    }
}
