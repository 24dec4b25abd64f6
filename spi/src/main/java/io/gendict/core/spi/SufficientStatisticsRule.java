package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

/**
 * An {@link UpdateRule} whose step depends on a batch only through the sums YᵀX = Σ_b y_b·x_bᵀ and
 * XᵀX = Σ_b x_b·x_bᵀ and the row count, so the sums may be reduced elsewhere (e.g. over the
 * partitions of a cluster) and the step taken on their total. The step from the sums equals
 * {@link #update(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)} on the rows up to floating-point reordering.
 *
 * @since 0.1
 */
public interface SufficientStatisticsRule extends UpdateRule {
    /**
     * @param a    current m×n dictionary; overwritten with the next one
     * @param yx   m×n sum YᵀX over the batch. Not modified.
     * @param xx   n×n sum XᵀX over the batch. Not modified.
     * @param rows the batch's row count B ≥ 1
     */
    void update(DMatrixRMaj a, DMatrixRMaj yx, DMatrixRMaj xx, int rows);
}
