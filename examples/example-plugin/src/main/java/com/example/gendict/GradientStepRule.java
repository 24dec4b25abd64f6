package com.example.gendict;

import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.SufficientStatisticsRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.SplittableRandom;

/**
 * One gradient step on the batch loss (1/B)·‖Y − X·Aᵀ‖²: A ← A − η·(A·XᵀX − YᵀX)/tr(XᵀX). Since
 * tr(XᵀX) bounds the largest eigenvalue of XᵀX, a step with 0 &lt; η ≤ 1 never raises the loss. The
 * step needs only the sums YᵀX and XᵀX, so it is a {@link SufficientStatisticsRule}. Keeps no state
 * across batches.
 */
public final class GradientStepRule implements SufficientStatisticsRule {
    private final double eta;

    /** @param eta step scale η in (0, 1] */
    public GradientStepRule(double eta) {
        this.eta = eta;
    }

    @Override
    public void start(DMatrixRMaj a0, GenerativePrior prior, SplittableRandom rng) {
    }

    @Override
    public void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x) {
        DMatrixRMaj yx = new DMatrixRMaj(1, 1);
        DMatrixRMaj xx = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.multTransA(y, x, yx);
        CommonOps_DDRM.multTransA(x, x, xx);
        update(a, yx, xx, y.numRows);
    }

    @Override
    public void update(DMatrixRMaj a, DMatrixRMaj yx, DMatrixRMaj xx, int rows) {
        double trace = CommonOps_DDRM.trace(xx);
        if (trace <= 0) {
            return;
        }
        DMatrixRMaj gradient = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.mult(a, xx, gradient);
        CommonOps_DDRM.subtractEquals(gradient, yx);
        CommonOps_DDRM.addEquals(a, -eta / trace, gradient);
    }
}
