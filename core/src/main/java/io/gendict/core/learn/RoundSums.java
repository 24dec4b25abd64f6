package io.gendict.core.learn;

import io.gendict.core.kernel.Kernels;
import org.ejml.data.DMatrixRMaj;

/**
 * What one decode round of a batch contributes to a {@link io.gendict.core.spi.SufficientStatisticsRule}
 * step and to the round control of {@link AltMinLearner}, summed over the batch's rows.
 *
 * @param yx        m×n Σ y_b·x_bᵀ with x_b = G(ẑ_b)
 * @param xx        n×n Σ x_b·x_bᵀ
 * @param yy        Σ ‖y_b‖²
 * @param objective Σ of the oracle's per-sample objectives ‖y_b − A·x_b‖²
 * @param rows      the batch's row count
 * @since 0.1
 */
public record RoundSums(DMatrixRMaj yx, DMatrixRMaj xx, double yy, double objective, int rows) {
    /**
     * Decodes one round of a batch elsewhere (e.g. on a cluster) and returns its sums.
     *
     * @since 0.1
     */
    @FunctionalInterface
    public interface Source {
        /**
         * @param batch 0-based batch index: the rows of round r, chunk c decode with
         *              {@link LearnerStreams#chunks LearnerStreams.chunks(batch, r, c, c + 1)}
         * @param round 1-based round
         * @param a     the m×n dictionary to decode against. Not modified.
         * @return the round's sums
         */
        RoundSums decode(int batch, int round, DMatrixRMaj a);
    }

    /**
     * @param a m×n dictionary
     * @return ‖Y − X·Aᵀ‖²_F = Σ‖y‖² − 2⟨A, YᵀX⟩ + ⟨A·XᵀX, A⟩ with the codes of these sums
     */
    public double squaredError(DMatrixRMaj a) {
        DMatrixRMaj ax = new DMatrixRMaj(a.numRows, a.numCols);
        Kernels.get().gemm(false, false, 1, a, xx, 0, ax);
        double cross = 0;
        double quad = 0;
        for (int i = 0, size = a.numRows * a.numCols; i < size; i++) {
            cross += a.data[i] * yx.data[i];
            quad += ax.data[i] * a.data[i];
        }
        return yy - 2 * cross + quad;
    }

    /** @return whether every sum is finite */
    public boolean finite() {
        return Double.isFinite(yy) && Double.isFinite(objective) && GenerativeLearner.finite(yx)
                && GenerativeLearner.finite(xx);
    }
}
