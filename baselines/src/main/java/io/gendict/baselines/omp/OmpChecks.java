package io.gendict.baselines.omp;

import io.gendict.core.error.Checks;
import org.ejml.data.DMatrixRMaj;

/** Argument checks shared by the OMP coders. */
final class OmpChecks {
    private OmpChecks() {
    }

    /**
     * @param d   m×n dictionary
     * @param y   B×m signals
     * @param k   maximum non-zeros, 1..n
     * @param tol residual-norm target, finite and ≥ 0
     */
    static void check(DMatrixRMaj d, DMatrixRMaj y, int k, double tol) {
        Checks.shape("Y", y, -1, d.numRows);
        Checks.finite("dictionary", d);
        Checks.finite("Y", y);
        Checks.parameter(k >= 1 && k <= d.numCols,
                "OMP sparsity: expected 1.." + d.numCols + " (the number of atoms), got " + k);
        Checks.parameter(Double.isFinite(tol) && tol >= 0,
                "OMP tolerance: expected a finite value ≥ 0, got " + tol);
    }
}
