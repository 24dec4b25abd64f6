package io.gendict.spark;

import io.gendict.core.kernel.Kernels;
import io.gendict.core.learn.RoundSums;
import org.ejml.data.DMatrixRMaj;

import java.io.Serializable;

/**
 * The mutable, serializable accumulator that {@code treeAggregate} reduces over partitions: Σ y·xᵀ
 * (m×n), Σ x·xᵀ (n×n), Σ‖y‖², Σ objective and the row count. Empty until the first rows are added
 * (no m×n zero is shipped with every task).
 */
final class Sums implements Serializable {
    private static final long serialVersionUID = 1L;
    private DMatrixRMaj yx;
    private DMatrixRMaj xx;
    private double yy;
    private double objective;
    private long rows;

    /**
     * Adds decoded rows.
     *
     * @param y         B×m rows. Not modified.
     * @param x         B×n their G(ẑ). Not modified.
     * @param objective their oracle objectives. Not modified.
     * @return this
     */
    Sums add(DMatrixRMaj y, DMatrixRMaj x, double[] objective) {
        if (yx == null) {
            yx = new DMatrixRMaj(y.numCols, x.numCols);
            xx = new DMatrixRMaj(x.numCols, x.numCols);
        }
        Kernels.get().gemm(true, false, 1, y, x, 1, yx);
        Kernels.get().gemm(true, false, 1, x, x, 1, xx);
        for (int i = 0, size = y.numRows * y.numCols; i < size; i++) {
            yy += y.data[i] * y.data[i];
        }
        for (double f : objective) {
            this.objective += f;
        }
        rows += y.numRows;
        return this;
    }

    /**
     * @param other sums of other rows. Not modified.
     * @return this plus {@code other}
     */
    Sums merge(Sums other) {
        if (other.yx == null) {
            return this;
        }
        if (yx == null) {
            yx = other.yx.copy();
            xx = other.xx.copy();
        } else {
            addInto(yx, other.yx);
            addInto(xx, other.xx);
        }
        yy += other.yy;
        objective += other.objective;
        rows += other.rows;
        return this;
    }

    private static void addInto(DMatrixRMaj target, DMatrixRMaj add) {
        for (int i = 0, size = target.numRows * target.numCols; i < size; i++) {
            target.data[i] += add.data[i];
        }
    }

    /** @return the rows summed */
    long rows() {
        return rows;
    }

    /**
     * @param m dimension
     * @param n atoms
     * @return the sums for an update (zeros when empty)
     */
    RoundSums toRoundSums(int m, int n) {
        return new RoundSums(yx == null ? new DMatrixRMaj(m, n) : yx, xx == null ? new DMatrixRMaj(n, n) : xx, yy,
                objective, (int) rows);
    }
}
