package io.gendict.baselines.omp;

import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * One thread's scratch for {@link BatchOmp}: codes a chunk of signals with progressive Cholesky
 * updates (docs/algorithms.md §7.2). Allocates nothing per signal.
 */
final class BatchOmpWorker {
    private static final double EPS = 1e-12;

    private final MatrixKernels kernels = Kernels.get();
    private final DMatrixRMaj d;
    private final double[] g;
    private final double[] invNorm;
    private final int n;
    private final int k;
    private final DMatrixRMaj yChunk;
    private final DMatrixRMaj a0Chunk;
    private final double[] alpha;
    private final boolean[] chosen;
    private final int[] support;
    private final double[] chol;
    private final double[] gamma;
    private final double[] tmp;

    BatchOmpWorker(DMatrixRMaj d, DMatrixRMaj gram, double[] invNorm, int k) {
        this.d = d;
        this.g = gram.data;
        this.invNorm = invNorm;
        this.n = d.numCols;
        this.k = k;
        yChunk = new DMatrixRMaj(BatchOmp.CHUNK, d.numRows);
        a0Chunk = new DMatrixRMaj(BatchOmp.CHUNK, n);
        alpha = new double[n];
        chosen = new boolean[n];
        support = new int[k];
        chol = new double[k * k];
        gamma = new double[k];
        tmp = new double[k];
    }

    /** Codes rows [from, to) of y into the matching rows of the outputs. */
    void codeChunk(DMatrixRMaj y, int from, int to, double tol, double[] values, int[] indices, double[] residualSq) {
        int m = y.numCols;
        int rows = to - from;
        yChunk.reshape(rows, m);
        a0Chunk.reshape(rows, n);
        System.arraycopy(y.data, from * m, yChunk.data, 0, rows * m);
        kernels.gemm(false, false, 1.0, yChunk, d, 0.0, a0Chunk);
        for (int r = 0; r < rows; r++) {
            double yy = kernels.dot(m, yChunk.data, r * m, yChunk.data, r * m);
            double res = codeOne(a0Chunk.data, r * n, yy, tol * tol);
            int out = (from + r) * k;
            Arrays.fill(indices, out, out + k, -1);
            Arrays.fill(values, out, out + k, 0.0);
            int size = 0;
            for (; size < k && support[size] >= 0; size++) {
                indices[out + size] = support[size];
                values[out + size] = gamma[size];
            }
            if (residualSq != null) {
                residualSq[from + r] = res;
            }
        }
    }

    /**
     * Codes one signal from α0 = a0[off..off+n); leaves the support in {@link #support} (-1
     * terminated) and its coefficients in {@link #gamma}.
     *
     * @return ‖r‖² of the final residual (clamped at 0)
     */
    private double codeOne(double[] a0, int off, double yy, double tol2) {
        System.arraycopy(a0, off, alpha, 0, n);
        Arrays.fill(support, -1);
        double res = yy;
        int s = 0;
        while (s < k && !(tol2 > 0 && res <= tol2)) {
            int j = argmax();
            if (j < 0) {
                break;
            }
            if (!extendCholesky(s, j)) {
                break;
            }
            support[s] = j;
            chosen[j] = true;
            s++;
            solve(a0, off, s);
            res = residual(a0, off, yy, s);
        }
        for (int i = 0; i < s; i++) {
            chosen[support[i]] = false;
        }
        return Math.max(res, 0.0);
    }

    /** @return the unchosen atom with the largest normalized |α_j| above 1e-12, or -1 */
    private int argmax() {
        int best = -1;
        double bestVal = EPS;
        for (int j = 0; j < n; j++) {
            double v = Math.abs(alpha[j]) * invNorm[j];
            if (v > bestVal && !chosen[j]) {
                bestVal = v;
                best = j;
            }
        }
        return best;
    }

    /** Appends atom j as row s of the Cholesky factor of G[I, I]; false when j is (nearly) dependent. */
    private boolean extendCholesky(int s, int j) {
        double gjj = g[j * n + j];
        double ww = 0;
        for (int i = 0; i < s; i++) {
            double v = g[support[i] * n + j];
            for (int l = 0; l < i; l++) {
                v -= chol[i * k + l] * chol[s * k + l];
            }
            v /= chol[i * k + i];
            chol[s * k + i] = v;
            ww += v * v;
        }
        double t = gjj - ww;
        if (t <= EPS * gjj) {
            return false;
        }
        chol[s * k + s] = Math.sqrt(t);
        return true;
    }

    /** Solves L·Lᵀ·γ = α0[I] for the first s atoms and sets α = α0 − G[:, I]·γ. */
    private void solve(double[] a0, int off, int s) {
        for (int i = 0; i < s; i++) {
            double v = a0[off + support[i]];
            for (int l = 0; l < i; l++) {
                v -= chol[i * k + l] * tmp[l];
            }
            tmp[i] = v / chol[i * k + i];
        }
        for (int i = s - 1; i >= 0; i--) {
            double v = tmp[i];
            for (int l = i + 1; l < s; l++) {
                v -= chol[l * k + i] * gamma[l];
            }
            gamma[i] = v / chol[i * k + i];
        }
        System.arraycopy(a0, off, alpha, 0, n);
        for (int i = 0; i < s; i++) {
            kernels.axpy(n, -gamma[i], g, support[i] * n, alpha, 0);
        }
    }

    /** @return ‖r‖² = yᵀy − γᵀ·α0[I] */
    private double residual(double[] a0, int off, double yy, int s) {
        double v = yy;
        for (int i = 0; i < s; i++) {
            v -= gamma[i] * a0[off + support[i]];
        }
        return v;
    }
}
