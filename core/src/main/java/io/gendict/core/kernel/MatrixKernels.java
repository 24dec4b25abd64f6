package io.gendict.core.kernel;

import org.ejml.data.DMatrixRMaj;

/**
 * The hot numerical kernels behind one facade. Implementations validate nothing and allocate
 * nothing per call (scratch buffers are thread-local and reused); the public, checked entry
 * points are in {@code io.gendict.core.linalg}. Matrices are row-major {@link DMatrixRMaj}; only
 * the first rows×cols entries of {@code data} are used. Outputs must not alias inputs.
 *
 * @since 0.1
 */
public interface MatrixKernels {
    /** @return a short name, e.g. {@code "simd"} or {@code "scalar"} */
    String name();

    /**
     * General product C = α·op(A)·op(B) + β·C, op(X) = X or Xᵀ. When β = 0, C is not read
     * (NaNs in it do not propagate).
     *
     * @param transA whether op(A) = Aᵀ
     * @param transB whether op(B) = Bᵀ
     * @param alpha  scale of the product
     * @param a      op(A) is M×K. Not modified.
     * @param b      op(B) is K×N. Not modified.
     * @param beta   scale of the old C
     * @param c      M×N, already of that shape. Modified.
     */
    void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b, double beta, DMatrixRMaj c);

    /**
     * Matrix–vector product y = α·op(A)·x + β·y (y not read when β = 0).
     *
     * @param transA whether op(A) = Aᵀ
     * @param alpha  scale of the product
     * @param a      op(A) is M×K. Not modified.
     * @param x      length K. Not modified.
     * @param beta   scale of the old y
     * @param y      length M. Modified.
     */
    void gemv(boolean transA, double alpha, DMatrixRMaj a, double[] x, double beta, double[] y);

    /** @return Σ_{i<n} x[xOff+i]·y[yOff+i] */
    double dot(int n, double[] x, int xOff, double[] y, int yOff);

    /** y[yOff+i] += α·x[xOff+i] for i < n. */
    void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff);

    /** out[i] = max(x[i], 0) for i < n; out may equal x. */
    void relu(int n, double[] x, double[] out);

    /** out[i] = x[i] > 0 ? g[i] : 0 for i < n (the ReLU's vector–Jacobian product); out may equal g. */
    void reluBackward(int n, double[] x, double[] g, double[] out);

    /** out[i] = x[i]·y[i] for i < n; out may equal x or y. */
    void multiply(int n, double[] x, double[] y, double[] out);

    /**
     * One Adam step on the first n parameters in PyTorch's arrangement (docs/algorithms.md §9), for i &lt; n:
     * m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g·g, θ ← θ − (lr/c1)·m/(√v·(1/√c2) + ε) (one square
     * root and one division per entry), evaluated in exactly this order so that every
     * implementation gives the same bits.
     *
     * @param theta parameters. Modified.
     * @param grad  gradient. Not modified.
     * @param m     first moments. Modified.
     * @param v     second moments. Modified.
     * @param c1    bias correction 1 − β1^t
     * @param c2    bias correction 1 − β2^t
     */
    default void adamStep(int n, double[] theta, double[] grad, double[] m, double[] v, double beta1, double beta2,
                          double lr, double c1, double c2, double eps) {
        double b1 = 1 - beta1;
        double b2 = 1 - beta2;
        double stepSize = lr / c1;
        double invSqrtC2 = 1 / Math.sqrt(c2);
        for (int i = 0; i < n; i++) {
            double g = grad[i];
            double mi = beta1 * m[i] + b1 * g;
            double vi = beta2 * v[i] + b2 * g * g;
            m[i] = mi;
            v[i] = vi;
            theta[i] -= stepSize * (mi / (Math.sqrt(vi) * invSqrtC2 + eps));
        }
    }
}
