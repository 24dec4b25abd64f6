package io.gendict.core.kernel;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Plain-Java loops for {@link MatrixKernels}: the fallback when {@code jdk.incubator.vector} is
 * absent, and the reference the SIMD kernels are tested against.
 *
 * @since 0.1
 */
public final class ScalarKernels implements BlockGemm {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void gemmBlock(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b, double beta,
                          DMatrixRMaj c, int rowFrom, int rowTo, int colFrom, int colTo) {
        int cols = c.numCols;
        int inner = transA ? a.numRows : a.numCols;
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        int lda = a.numCols;
        int ldb = b.numCols;
        for (int i = rowFrom; i < rowTo; i++) {
            int ci = i * cols;
            if (beta == 0) {
                Arrays.fill(cd, ci + colFrom, ci + colTo, 0.0);
            } else if (beta != 1) {
                for (int j = colFrom; j < colTo; j++) {
                    cd[ci + j] *= beta;
                }
            }
            for (int p = 0; p < inner; p++) {
                double aip = alpha * (transA ? ad[p * lda + i] : ad[i * lda + p]);
                if (aip == 0) {
                    continue;
                }
                if (transB) {
                    for (int j = colFrom; j < colTo; j++) {
                        cd[ci + j] += aip * bd[j * ldb + p];
                    }
                } else {
                    int bp = p * ldb;
                    for (int j = colFrom; j < colTo; j++) {
                        cd[ci + j] += aip * bd[bp + j];
                    }
                }
            }
        }
    }

    @Override
    public void gemv(boolean transA, double alpha, DMatrixRMaj a, double[] x, double beta, double[] y) {
        int rows = transA ? a.numCols : a.numRows;
        int inner = transA ? a.numRows : a.numCols;
        double[] ad = a.data;
        int lda = a.numCols;
        if (transA) {
            for (int i = 0; i < rows; i++) {
                y[i] = beta == 0 ? 0 : beta * y[i];
            }
            for (int p = 0; p < inner; p++) {
                double xp = alpha * x[p];
                int ap = p * lda;
                for (int i = 0; i < rows; i++) {
                    y[i] += xp * ad[ap + i];
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                double s = dot(inner, ad, i * lda, x, 0);
                y[i] = beta == 0 ? alpha * s : alpha * s + beta * y[i];
            }
        }
    }

    @Override
    public double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void relu(int n, double[] x, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(x[i], 0.0);
        }
    }

    @Override
    public void reluBackward(int n, double[] x, double[] g, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = x[i] > 0 ? g[i] : 0.0;
        }
    }

    @Override
    public void multiply(int n, double[] x, double[] y, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = x[i] * y[i];
        }
    }
}
