package io.gendict.baselines;

import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.kernel.Workers;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * Lasso codes by cyclic coordinate descent on the Gram matrix, the sparse coder of online
 * dictionary learning (docs/algorithms.md §7.5; scikit-learn's {@code fit_algorithm='cd'}):
 * x = argmin ½‖y − D x‖² + λ‖x‖₁, started from 0, swept until the largest coordinate change is at
 * most 1e-4·max|x| (scikit-learn's first test) or after 1000 sweeps. Signals are coded in fixed chunks on several threads;
 * results do not depend on the thread count.
 */
final class LassoCoder {
    private static final int CHUNK = 64;
    private static final int MAX_SWEEPS = 1000;
    private static final double TOL = 1e-4;

    private LassoCoder() {
    }

    /**
     * @param d          m×n dictionary. Not modified.
     * @param y          B×m signals. Not modified.
     * @param lambda     penalty λ &gt; 0
     * @param workers    the threads that code the chunks of signals
     * @param out        B×n codes, overwritten
     * @param residualSq length B, receives ‖y_b − D x_b‖². Modified.
     */
    static void code(DMatrixRMaj d, DMatrixRMaj y, double lambda, Workers workers, DMatrixRMaj out, double[] residualSq) {
        MatrixKernels kernels = Kernels.get();
        int n = d.numCols;
        int m = d.numRows;
        int rows = y.numRows;
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        kernels.gemm(true, false, 1.0, d, d, 0.0, gram);
        DMatrixRMaj a0 = new DMatrixRMaj(rows, n);
        kernels.gemm(false, false, 1.0, y, d, 0.0, a0);
        out.reshape(rows, n);
        Arrays.fill(out.data, 0, rows * n, 0.0);
        workers.run((rows + CHUNK - 1) / CHUNK, () -> new double[n], (q, c) -> {
            for (int b = c * CHUNK; b < Math.min(rows, (c + 1) * CHUNK); b++) {
                codeOne(gram, a0.data, out.data, b * n, n, lambda, q);
                double fit = kernels.dot(n, out.data, b * n, q, 0);
                double cross = kernels.dot(n, out.data, b * n, a0.data, b * n);
                double yy = kernels.dot(m, y.data, b * m, y.data, b * m);
                residualSq[b] = Math.max(yy - 2 * cross + fit, 0.0);
            }
        }, "lasso coding");
    }

    /** Codes one signal into x[off..off+n); leaves q = G·x. */
    private static void codeOne(DMatrixRMaj gram, double[] a0, double[] x, int off, int n, double lambda, double[] q) {
        double[] g = gram.data;
        Arrays.fill(q, 0.0);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double maxDelta = 0;
            double maxX = 0;
            for (int j = 0; j < n; j++) {
                double gjj = g[j * n + j];
                if (!(gjj > 0)) {
                    continue;
                }
                double old = x[off + j];
                double z = a0[off + j] - q[j] + gjj * old;
                double nx = Math.signum(z) * Math.max(Math.abs(z) - lambda, 0.0) / gjj;
                double delta = nx - old;
                if (delta != 0) {
                    x[off + j] = nx;
                    for (int l = 0; l < n; l++) {
                        q[l] += delta * g[j * n + l];
                    }
                }
                maxDelta = Math.max(maxDelta, Math.abs(delta));
                maxX = Math.max(maxX, Math.abs(nx));
            }
            if (maxDelta <= TOL * maxX) {
                return;
            }
        }
    }
}
