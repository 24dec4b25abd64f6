package io.gendict.testkit;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.SufficientStatisticsRule;
import io.gendict.core.spi.UpdateRule;
import io.gendict.core.spi.UpdateRuleProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.SplittableRandom;

/**
 * A gradient step on (1/B)·‖Y − X·Aᵀ‖² of step 1/L (L bounded by 2·tr(XᵀX)/B), so the batch loss
 * always falls; the broken variant steps uphill.
 */
final class ToyRuleProvider implements UpdateRuleProvider {
    private final boolean uphill;

    ToyRuleProvider(boolean uphill) {
        this.uphill = uphill;
    }

    @Override
    public String name() {
        return "toy-gradient";
    }

    @Override
    public String description() {
        return "gradient step of step 1/L";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.empty();
    }

    @Override
    public UpdateRule create(Params params) {
        return new Rule(uphill ? -1 : 1);
    }

    private record Rule(double sign) implements SufficientStatisticsRule {
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
            DMatrixRMaj g = new DMatrixRMaj(1, 1);
            CommonOps_DDRM.mult(a, xx, g);
            CommonOps_DDRM.subtractEquals(g, yx);
            CommonOps_DDRM.addEquals(a, -sign / CommonOps_DDRM.trace(xx), g);
        }
    }
}
