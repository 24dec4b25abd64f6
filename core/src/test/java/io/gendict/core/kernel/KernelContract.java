package io.gendict.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Checks every {@link MatrixKernels} against EJML and plain loops, at sizes that hit vector tails
 * (1, 7, 8±1, 16±1, 32±1, primes), the paper's shapes and products spanning several cache blocks
 * (of M, N and K at once, with short last tiles in both directions).
 * An implementation's test implements {@link #kernels()}.
 */
public interface KernelContract {
    /** Sizes around vector widths 2, 4, 8 and the 4-vector strip, and primes. */
    int[] SIZES = {1, 2, 5, 7, 8, 9, 13, 15, 17, 31, 33, 61, 97};
    /** Lengths for the vector operations: tails of every vector width, and a long prime. */
    int[] LENGTHS = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 1021};
    double TOLERANCE = 1e-12;

    /** @return the kernels under test */
    MatrixKernels kernels();

    @Test
    default void gemmMatchesEjmlOnRandomShapes() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 60; trial++) {
            int m = SIZES[rng.nextInt(SIZES.length)];
            int k = SIZES[rng.nextInt(SIZES.length)];
            int n = SIZES[rng.nextInt(SIZES.length)];
            checkAllVariants(m, k, n, rng);
        }
    }

    @Test
    default void gemmMatchesEjmlOnPaperAndBlockSpanningShapes() {
        SplittableRandom rng = new SplittableRandom(12);
        int[][] shapes = {{1, 1, 1}, {784, 300, 30}, {30, 784, 300}, {97, 97, 97}, {7, 300, 1031}, {200, 131, 9},
            {127, 260, 547}};
        for (int[] s : shapes) {
            checkAllVariants(s[0], s[1], s[2], rng);
        }
    }

    private void checkAllVariants(int m, int k, int n, SplittableRandom rng) {
        for (int t = 0; t < 4; t++) {
            boolean transA = (t & 1) != 0;
            boolean transB = (t & 2) != 0;
            DMatrixRMaj a = transA ? Reference.random(k, m, rng) : Reference.random(m, k, rng);
            DMatrixRMaj b = transB ? Reference.random(n, k, rng) : Reference.random(k, n, rng);
            for (double beta : new double[] {0.0, 1.0, -0.375}) {
                double alpha = beta == 1.0 ? -1.5 : 1.0;
                DMatrixRMaj c = Reference.random(m, n, rng);
                DMatrixRMaj expected = Reference.gemm(transA, transB, alpha, a, b, beta, c);
                if (beta == 0) {
                    Arrays.fill(c.data, Double.NaN);
                }
                kernels().gemm(transA, transB, alpha, a, b, beta, c);
                double err = Reference.relativeError(c, expected);
                assertTrue(err < TOLERANCE, () -> String.format("%dx%dx%d transA=%b transB=%b beta=%s: error %g",
                        m, k, n, transA, transB, beta, err));
            }
        }
    }

    @Test
    default void gemmWithEmptyInnerDimensionScalesC() {
        DMatrixRMaj a = new DMatrixRMaj(3, 0);
        DMatrixRMaj b = new DMatrixRMaj(0, 4);
        DMatrixRMaj c = new DMatrixRMaj(3, 4);
        Arrays.fill(c.data, 2.0);
        kernels().gemm(false, false, 1.0, a, b, 0.5, c);
        for (double v : c.data) {
            assertEquals(1.0, v);
        }
        Arrays.fill(c.data, Double.NaN);
        kernels().gemm(false, false, 1.0, a, b, 0.0, c);
        for (double v : c.data) {
            assertEquals(0.0, v);
        }
    }

    @Test
    default void gemmUsesOnlyTheLeadingEntriesOfData() {
        SplittableRandom rng = new SplittableRandom(13);
        DMatrixRMaj a = Reference.random(9, 17, rng);
        DMatrixRMaj b = Reference.random(17, 33, rng);
        DMatrixRMaj expected = Reference.gemm(false, false, 1.0, a, b, 0.0, new DMatrixRMaj(9, 33));
        a.data = Arrays.copyOf(a.data, a.data.length + 40);
        b.data = Arrays.copyOf(b.data, b.data.length + 40);
        DMatrixRMaj c = new DMatrixRMaj(9, 33);
        c.data = new double[9 * 33 + 40];
        Arrays.fill(c.data, 9 * 33, c.data.length, 7.0);
        kernels().gemm(false, false, 1.0, a, b, 0.0, c);
        assertEquals(7.0, c.data[c.data.length - 1]);
        c.data = Arrays.copyOf(c.data, 9 * 33);
        assertTrue(Reference.relativeError(c, expected) < TOLERANCE);
    }

    @Test
    default void gemvMatchesEjml() {
        SplittableRandom rng = new SplittableRandom(14);
        for (int m : SIZES) {
            for (int k : new int[] {1, 8, 17, 97}) {
                for (boolean transA : new boolean[] {false, true}) {
                    DMatrixRMaj a = transA ? Reference.random(k, m, rng) : Reference.random(m, k, rng);
                    DMatrixRMaj x = Reference.random(k, 1, rng);
                    for (double beta : new double[] {0.0, 1.0, 0.5}) {
                        DMatrixRMaj y = Reference.random(m, 1, rng);
                        DMatrixRMaj expected = Reference.gemm(transA, false, 0.75, a, x, beta, y);
                        if (beta == 0) {
                            Arrays.fill(y.data, Double.NaN);
                        }
                        kernels().gemv(transA, 0.75, a, x.data, beta, y.data);
                        assertTrue(Reference.relativeError(y, expected) < TOLERANCE,
                                () -> m + "x" + k + " transA=" + transA + " beta=" + beta);
                    }
                }
            }
        }
    }

    @Test
    default void dotAndAxpyMatchPlainLoopsWithOffsets() {
        SplittableRandom rng = new SplittableRandom(15);
        for (int n : LENGTHS) {
            double[] x = Reference.random(1, n + 3, rng).data;
            double[] y = Reference.random(1, n + 5, rng).data;
            double expectedDot = 0;
            double scale = 0;
            for (int i = 0; i < n; i++) {
                expectedDot += x[3 + i] * y[5 + i];
                scale += Math.abs(x[3 + i] * y[5 + i]);
            }
            assertEquals(expectedDot, kernels().dot(n, x, 3, y, 5), TOLERANCE * scale, "dot n=" + n);
            double[] expected = y.clone();
            for (int i = 0; i < n; i++) {
                expected[5 + i] += -0.3 * x[3 + i];
            }
            kernels().axpy(n, -0.3, x, 3, y, 5);
            assertArrayEquals(expected, y, 1e-15, "axpy n=" + n);
        }
    }

    @Test
    default void elementwiseOperationsMatchPlainLoops() {
        SplittableRandom rng = new SplittableRandom(16);
        for (int n : LENGTHS) {
            double[] x = Reference.random(1, n, rng).data;
            double[] g = Reference.random(1, n, rng).data;
            x[0] = 0.0;
            if (n > 1) {
                x[n - 1] = -0.0;
            }
            double[] relu = new double[n];
            double[] back = new double[n];
            double[] prod = new double[n];
            for (int i = 0; i < n; i++) {
                relu[i] = x[i] > 0 ? x[i] : 0.0;
                back[i] = x[i] > 0 ? g[i] : 0.0;
                prod[i] = x[i] * g[i];
            }
            double[] out = new double[n];
            kernels().relu(n, x, out);
            assertArrayEquals(relu, out, "relu n=" + n);
            kernels().reluBackward(n, x, g, out);
            assertArrayEquals(back, out, "reluBackward n=" + n);
            kernels().multiply(n, x, g, out);
            assertArrayEquals(prod, out, "multiply n=" + n);
            double[] inPlace = x.clone();
            kernels().relu(n, inPlace, inPlace);
            assertArrayEquals(relu, inPlace, "relu in place n=" + n);
            double[] gInPlace = g.clone();
            kernels().reluBackward(n, x, gInPlace, gInPlace);
            assertArrayEquals(back, gInPlace, "reluBackward in place n=" + n);
        }
    }
}
