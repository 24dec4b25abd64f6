package io.gendict.core.learn;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.UpdateRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Map;

/** Test fixtures: the linear prior G(z) = z, an exact least-squares oracle and update for it. */
public final class LinearTestPrior implements GenerativePrior {
    private final int k;

    /** @param k latent and output dimension */
    public LinearTestPrior(int k) {
        this.k = k;
    }

    @Override
    public int latentDim() {
        return k;
    }

    @Override
    public int outputDim() {
        return k;
    }

    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj out) {
        out.setTo(z);
    }

    @Override
    public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
        out.setTo(dx);
    }

    @Override
    public Params params() {
        return ParamSpec.empty().validate("linear", Map.of());
    }

    /** Z = Y·A·(AᵀA)⁻¹, ignoring the starts. */
    static DecodeOracle leastSquaresOracle() {
        return (a, prior, y, start, rng) -> {
            DMatrixRMaj pinv = new DMatrixRMaj(a.numCols, a.numRows);
            CommonOps_DDRM.pinv(a, pinv);
            DMatrixRMaj z = new DMatrixRMaj(y.numRows, a.numCols);
            CommonOps_DDRM.multTransB(y, pinv, z);
            double[] objective = new double[y.numRows];
            return new DecodeResult(z, objective, new int[y.numRows], new boolean[y.numRows]);
        };
    }

    /** A ← A + scale·(Yᵀ·X) with a fixed scale, enough to drive a learner deterministically. */
    static UpdateRule step(double scale) {
        return new UpdateRule() {
            @Override
            public void start(DMatrixRMaj a0, GenerativePrior prior, java.util.SplittableRandom rng) {
            }

            @Override
            public void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x) {
                CommonOps_DDRM.multAddTransA(scale, y, x, a);
            }
        };
    }
}
