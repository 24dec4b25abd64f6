package io.gendict.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gendict.core.error.GendictException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** {@link Kernels#parallel} splits large products without changing a single bit of the result. */
class ParallelKernelsTest {
    /**
     * Row-split (narrow C), column-split (wide C), ragged bands, bands spanning several cache blocks,
     * matrix–vector, and a tiny one; split with a threshold of one multiply–add, and with the default
     * threshold (which only the largest of these exceed).
     */
    private static final int[][] SHAPES = {
        {200, 150, 100}, {40, 160, 301}, {97, 131, 89}, {600, 300, 20}, {127, 260, 547}, {3000, 400, 1},
        {1, 400, 3000}, {9, 10, 11}};

    private static List<BlockGemm> bases() {
        List<BlockGemm> bases = new ArrayList<>();
        bases.add(Kernels.scalar());
        Kernels.simd().ifPresent(bases::add);
        return bases;
    }

    @Test
    void splitProductsAreBitIdenticalToSingleThreaded() {
        SplittableRandom rng = new SplittableRandom(21);
        for (BlockGemm base : bases()) {
            for (int threads : new int[] {2, 3}) {
                assertBitIdentical(base, new ParallelKernels(base, threads, 1), rng);
                assertBitIdentical(base, Kernels.parallel(base, threads), rng);
            }
        }
    }

    private static void assertBitIdentical(BlockGemm base, MatrixKernels parallel, SplittableRandom rng) {
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                boolean transA = (t & 1) != 0;
                boolean transB = (t & 2) != 0;
                DMatrixRMaj a = transA ? Reference.random(s[1], s[0], rng) : Reference.random(s[0], s[1], rng);
                DMatrixRMaj b = transB ? Reference.random(s[2], s[1], rng) : Reference.random(s[1], s[2], rng);
                for (double[] ab : new double[][] {{0.5, -2.0}, {1.0, 0.0}}) {
                    DMatrixRMaj c = Reference.random(s[0], s[2], rng);
                    DMatrixRMaj expected = Reference.gemm(transA, transB, ab[0], a, b, ab[1], c);
                    DMatrixRMaj single = c.copy();
                    base.gemm(transA, transB, ab[0], a, b, ab[1], single);
                    parallel.gemm(transA, transB, ab[0], a, b, ab[1], c);
                    assertArrayEquals(single.data, c.data, parallel + " on " + s[0] + "x" + s[1] + "x" + s[2]
                            + " transA=" + transA + " transB=" + transB);
                    assertTrue(Reference.relativeError(c, expected) < KernelContract.TOLERANCE);
                }
            }
        }
    }

    @Test
    void oneThreadIsTheBaseAndZeroIsRejected() {
        BlockGemm scalar = Kernels.scalar();
        assertSame(scalar, Kernels.parallel(scalar, 1));
        assertThrows(GendictException.class, () -> Kernels.parallel(scalar, 0));
    }
}
