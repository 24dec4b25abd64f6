package io.gendict.core.learn;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Least squares over a window of recent samples, as {@link RestartLearner} and {@link FeatureLearner}
 * fit A: the window itself, the ridge fit A = argmin ‖Y − X·Aᵀ‖²_F + λ‖A‖²_F and its error.
 */
final class WindowFit {
    private WindowFit() {
    }

    /** @return per row b, ‖y_b − A·x_b‖² */
    static double[] rowErrors(DMatrixRMaj y, DMatrixRMaj x, DMatrixRMaj ac) {
        MatrixKernels kern = Kernels.get();
        DMatrixRMaj r = y.copy();
        kern.gemm(false, true, -1, x, ac, 1, r);
        int m = y.numCols;
        double[] errors = new double[y.numRows];
        for (int b = 0; b < errors.length; b++) {
            errors[b] = kern.dot(m, r.data, b * m, r.data, b * m);
        }
        return errors;
    }

    /** @return a new matrix of the rows of {@code src} that {@code kept} marks, in order */
    static DMatrixRMaj rows(DMatrixRMaj src, boolean[] kept) {
        int count = 0;
        for (boolean k : kept) {
            count += k ? 1 : 0;
        }
        int c = src.numCols;
        DMatrixRMaj out = new DMatrixRMaj(count, c);
        int at = 0;
        for (int b = 0; b < kept.length; b++) {
            if (kept[b]) {
                System.arraycopy(src.data, b * c, out.data, at++ * c, c);
            }
        }
        return out;
    }

    /**
     * Sets {@code ac} to argmin ‖Y − X·Aᵀ‖²_F + λ‖A‖²_F, λ = ρ·tr(XᵀX)/n.
     *
     * @param y     B×m samples. Not modified.
     * @param x     B×n features of the samples. Not modified.
     * @param ac    m×n, overwritten with the fit
     * @param ridge relative ridge ρ
     * @return the mean squared residual ‖Y − X·A_cᵀ‖²_F / B
     */
    static double leastSquares(DMatrixRMaj y, DMatrixRMaj x, DMatrixRMaj ac, double ridge) {
        MatrixKernels kern = Kernels.get();
        int n = x.numCols;
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        kern.gemm(true, false, 1, x, x, 0, s);
        double lambda = Math.max(ridge * CommonOps_DDRM.trace(s) / n, Double.MIN_NORMAL);
        for (int i = 0; i < n; i++) {
            s.data[i * n + i] += lambda;
        }
        DMatrixRMaj xty = new DMatrixRMaj(n, y.numCols);
        kern.gemm(true, false, 1, x, y, 0, xty);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
        if (!solver.setA(s)) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE,
                    "least-squares fit: the " + n + "x" + n + " Gram matrix of G(Z) is not positive definite");
        }
        DMatrixRMaj at = new DMatrixRMaj(n, y.numCols);
        solver.solve(xty, at);
        CommonOps_DDRM.transpose(at, ac);
        DMatrixRMaj r = y.copy();
        kern.gemm(false, true, -1, x, ac, 1, r);
        return kern.dot(r.data.length, r.data, 0, r.data, 0) / y.numRows;
    }

    /** @return the last {@code capacity} rows of [window; y] */
    static DMatrixRMaj appended(DMatrixRMaj window, DMatrixRMaj y, int capacity) {
        int m = y.numCols;
        int total = window.numRows + y.numRows;
        int keep = Math.min(total, capacity);
        DMatrixRMaj out = new DMatrixRMaj(keep, m);
        int fromWindow = Math.max(0, keep - y.numRows);
        System.arraycopy(window.data, (window.numRows - fromWindow) * m, out.data, 0, fromWindow * m);
        int fromY = keep - fromWindow;
        System.arraycopy(y.data, (y.numRows - fromY) * m, out.data, fromWindow * m, fromY * m);
        return out;
    }
}
