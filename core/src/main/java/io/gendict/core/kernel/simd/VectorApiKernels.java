package io.gendict.core.kernel.simd;

import io.gendict.core.kernel.BlockGemm;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.DMatrixRMaj;

/**
 * {@link io.gendict.core.kernel.MatrixKernels} on the incubating Vector API ({@link DoubleVector},
 * preferred species, FMA). The product is the register-blocked {@link VectorGemm}; the vector
 * operations run four accumulators wide with a scalar tail. Load it only through
 * {@link io.gendict.core.kernel.Kernels}, which checks that {@code jdk.incubator.vector} is present.
 *
 * @since 0.1
 */
public final class VectorApiKernels implements BlockGemm {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public String name() {
        return "simd";
    }

    /** @return the name and the vector shape, e.g. {@code simd (8 × float64, 512 bits)} */
    @Override
    public String toString() {
        return "simd (" + L + " × float64, " + S.vectorBitSize() + " bits)";
    }

    /**
     * {@inheritDoc} A product with one column (or one row) runs as a matrix–vector product, since the
     * register tile would waste all but one of its columns (rows).
     */
    @Override
    public void gemmBlock(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b, double beta,
                          DMatrixRMaj c, int rowFrom, int rowTo, int colFrom, int colTo) {
        if (c.numCols == 1) {
            matVec(transA, alpha, a, b.data, beta, c.data, rowFrom, rowTo);
        } else if (c.numRows == 1) {
            matVec(!transB, alpha, b, a.data, beta, c.data, colFrom, colTo);
        } else {
            int lda = a.numCols;
            int ldb = b.numCols;
            int inner = transA ? a.numRows : a.numCols;
            int aOff = transA ? rowFrom : rowFrom * lda;
            int bOff = transB ? colFrom * ldb : colFrom;
            VectorGemm.gemm(transA, transB, rowTo - rowFrom, colTo - colFrom, inner, alpha,
                    a.data, aOff, lda, b.data, bOff, ldb, beta, c.data, rowFrom * c.numCols + colFrom, c.numCols);
        }
    }

    @Override
    public void gemv(boolean transA, double alpha, DMatrixRMaj a, double[] x, double beta, double[] y) {
        matVec(transA, alpha, a, x, beta, y, 0, transA ? a.numCols : a.numRows);
    }

    /**
     * y[from:to] = α·(op(A)·x)[from:to] + β·y[from:to]; y is not read when β = 0, A and x are not
     * read when α = 0. Each y entry is computed the same way whatever the range.
     */
    private void matVec(boolean transA, double alpha, DMatrixRMaj a, double[] x, double beta, double[] y,
                        int from, int to) {
        double[] ad = a.data;
        int lda = a.numCols;
        if (transA || alpha == 0) {
            if (beta == 0) {
                Arrays.fill(y, from, to, 0.0);
            } else if (beta != 1) {
                scale(from, to, beta, y);
            }
            for (int p = 0; alpha != 0 && p < a.numRows; p++) {
                axpy(to - from, alpha * x[p], ad, p * lda + from, y, from);
            }
        } else {
            for (int i = from; i < to; i++) {
                double s = dot(lda, ad, i * lda, x, 0);
                y[i] = beta == 0 ? alpha * s : alpha * s + beta * y[i];
            }
        }
    }

    /**
     * Lanes are summed in a fixed order rather than with {@code reduceLanes}, whose order is
     * unspecified and differs between the interpreter and compiled code on newer JDKs, which would
     * break bit-for-bit reproducibility.
     */
    @Override
    public double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = 0;
        for (int end = n - 4 * L; i <= end; i += 4 * L) {
            s0 = DoubleVector.fromArray(S, x, xOff + i).fma(DoubleVector.fromArray(S, y, yOff + i), s0);
            s1 = DoubleVector.fromArray(S, x, xOff + i + L).fma(DoubleVector.fromArray(S, y, yOff + i + L), s1);
            s2 = DoubleVector.fromArray(S, x, xOff + i + 2 * L).fma(DoubleVector.fromArray(S, y, yOff + i + 2 * L), s2);
            s3 = DoubleVector.fromArray(S, x, xOff + i + 3 * L).fma(DoubleVector.fromArray(S, y, yOff + i + 3 * L), s3);
        }
        for (int end = n - L; i <= end; i += L) {
            s0 = DoubleVector.fromArray(S, x, xOff + i).fma(DoubleVector.fromArray(S, y, yOff + i), s0);
        }
        DoubleVector total = s0.add(s1).add(s2.add(s3));
        double s = 0;
        for (int lane = 0; lane < L; lane++) {
            s += total.lane(lane);
        }
        for (; i < n; i++) {
            s = Math.fma(x[xOff + i], y[yOff + i], s);
        }
        return s;
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        DoubleVector av = DoubleVector.broadcast(S, alpha);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            DoubleVector.fromArray(S, x, xOff + i).fma(av, DoubleVector.fromArray(S, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void relu(int n, double[] x, double[] out) {
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            DoubleVector.fromArray(S, x, i).max(zero).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.max(x[i], 0.0);
        }
    }

    @Override
    public void reluBackward(int n, double[] x, double[] g, double[] out) {
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, i);
            zero.blend(DoubleVector.fromArray(S, g, i), xv.compare(VectorOperators.GT, 0.0)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] > 0 ? g[i] : 0.0;
        }
    }

    @Override
    public void multiply(int n, double[] x, double[] y, double[] out) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            DoubleVector.fromArray(S, x, i).mul(DoubleVector.fromArray(S, y, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] * y[i];
        }
    }

    @Override
    public void adamStep(int n, double[] theta, double[] grad, double[] m, double[] v, double beta1, double beta2,
                         double lr, double c1, double c2, double eps) {
        double b1 = 1 - beta1;
        double b2 = 1 - beta2;
        double stepSize = lr / c1;
        double invSqrtC2 = 1 / Math.sqrt(c2);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            DoubleVector g = DoubleVector.fromArray(S, grad, i);
            DoubleVector mi = DoubleVector.fromArray(S, m, i).mul(beta1).add(g.mul(b1));
            DoubleVector vi = DoubleVector.fromArray(S, v, i).mul(beta2).add(g.mul(b2).mul(g));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            DoubleVector step = mi.div(vi.sqrt().mul(invSqrtC2).add(eps)).mul(stepSize);
            DoubleVector.fromArray(S, theta, i).sub(step).intoArray(theta, i);
        }
        for (; i < n; i++) {
            double g = grad[i];
            double mi = beta1 * m[i] + b1 * g;
            double vi = beta2 * v[i] + b2 * g * g;
            m[i] = mi;
            v[i] = vi;
            theta[i] -= stepSize * (mi / (Math.sqrt(vi) * invSqrtC2 + eps));
        }
    }

    private static void scale(int from, int to, double beta, double[] y) {
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += L) {
            DoubleVector.fromArray(S, y, i).mul(beta).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] *= beta;
        }
    }
}
