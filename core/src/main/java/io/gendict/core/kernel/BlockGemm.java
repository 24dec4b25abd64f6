package io.gendict.core.kernel;

import org.ejml.data.DMatrixRMaj;

/**
 * {@link MatrixKernels} that can compute one rectangular block of a general product, so that
 * {@link Kernels#parallel(int)} can hand disjoint blocks of C to different threads. Every entry of C
 * is computed by the same sequence of operations whichever block it falls in, so a split product is
 * bit-identical to the unsplit one.
 *
 * @since 0.1
 */
public interface BlockGemm extends MatrixKernels {
    /**
     * The block C[rowFrom:rowTo, colFrom:colTo] of C = α·op(A)·op(B) + β·C; the rest of C is
     * neither read nor written. Shapes as in {@link #gemm}.
     *
     * @param transA  whether op(A) = Aᵀ
     * @param transB  whether op(B) = Bᵀ
     * @param alpha   scale of the product
     * @param a       op(A) is M×K. Not modified.
     * @param b       op(B) is K×N. Not modified.
     * @param beta    scale of the old C (the block is not read when β = 0)
     * @param c       M×N. The block is modified.
     * @param rowFrom first row of the block, 0 ≤ rowFrom ≤ rowTo ≤ M
     * @param rowTo   end row (exclusive)
     * @param colFrom first column of the block, 0 ≤ colFrom ≤ colTo ≤ N
     * @param colTo   end column (exclusive)
     */
    void gemmBlock(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b, double beta,
                   DMatrixRMaj c, int rowFrom, int rowTo, int colFrom, int colTo);

    @Override
    default void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b, double beta,
                      DMatrixRMaj c) {
        gemmBlock(transA, transB, alpha, a, b, beta, c, 0, c.numRows, 0, c.numCols);
    }
}
