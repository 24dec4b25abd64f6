package io.gendict.core.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.gendict.core.kernel.KernelContract;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.kernel.Reference;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** Runs the {@link KernelContract} on the Vector API kernels, whatever {@code Kernels.get()} picked. */
class VectorApiKernelsTest implements KernelContract {
    private static final double[] ALPHAS = {1.0, -2.0, 0.3};
    private static final double[] BETAS = {0.0, 1.0, -0.375};
    private final MatrixKernels kernels = new VectorApiKernels();

    @Override
    public MatrixKernels kernels() {
        return kernels;
    }

    @Test
    void isNamedSimd() {
        assertEquals("simd", kernels.name());
    }

    /**
     * A product small enough for the plain loops equals, bit for bit, the first rows of a product
     * tall enough for the register tiles that shares those rows: each entry is one chain of operations
     * whatever path computes it. (A one-row product runs as a matrix–vector product instead, so m ≥ 2.)
     */
    @Test
    void tinyProductsAreBitIdenticalToTiledProducts() {
        qt().withFixedSeed(31L).withExamples(300)
                .forAll(Generate.range(0, 12 * 12 * 12 - 1), Generate.range(0, 35), Generate.longRange(0, Long.MAX_VALUE))
                .assuming((shape, variant, seed) -> (shape / 144 + 2) * (shape / 12 % 12 + 1) * (shape % 12 + 1)
                        <= VectorGemm.TINY)
                .checkAssert((shape, variant, seed) -> {
                    int m = shape / 144 + 2;
                    int k = shape / 12 % 12 + 1;
                    int n = shape % 12 + 1;
                    boolean transA = (variant & 1) != 0;
                    boolean transB = (variant & 2) != 0;
                    double alpha = ALPHAS[variant / 4 % 3];
                    double beta = BETAS[variant / 12];
                    SplittableRandom rng = new SplittableRandom(seed);
                    int tall = VectorGemm.TINY / (k * n) + 7;
                    DMatrixRMaj aTall = transA ? Reference.random(k, tall, rng) : Reference.random(tall, k, rng);
                    DMatrixRMaj b = transB ? Reference.random(n, k, rng) : Reference.random(k, n, rng);
                    DMatrixRMaj cTall = Reference.random(tall, n, rng);
                    DMatrixRMaj a = transA ? leadingColumns(aTall, m) : leadingRows(aTall, m);
                    DMatrixRMaj c = leadingRows(cTall, m);
                    kernels.gemm(transA, transB, alpha, a, b, beta, c);
                    kernels.gemm(transA, transB, alpha, aTall, b, beta, cTall);
                    assertArrayEquals(leadingRows(cTall, m).data, c.data,
                            () -> m + "x" + k + "x" + n + " transA=" + transA + " transB=" + transB);
                });
    }

    private static DMatrixRMaj leadingRows(DMatrixRMaj x, int rows) {
        DMatrixRMaj out = new DMatrixRMaj(rows, x.numCols);
        System.arraycopy(x.data, 0, out.data, 0, rows * x.numCols);
        return out;
    }

    private static DMatrixRMaj leadingColumns(DMatrixRMaj x, int cols) {
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, cols);
        for (int i = 0; i < x.numRows; i++) {
            System.arraycopy(x.data, i * x.numCols, out.data, i * cols, cols);
        }
        return out;
    }
}
