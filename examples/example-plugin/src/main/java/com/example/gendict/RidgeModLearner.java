package com.example.gendict;

import io.gendict.core.spi.Codes;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A dense baseline: codes are ridge least squares, x = (AᵀA + λI)⁻¹·Aᵀ·y, and each batch updates the
 * dictionary by MOD, A = YᵀX·(XᵀX + λI)⁻¹, with λ = ridge·(1 + tr/n) of the matrix regularised.
 * Dictionary, listeners and checkpoints as {@link CountingLearner}. Single-threaded, so any thread
 * count gives the same result. Not thread-safe.
 */
public final class RidgeModLearner extends CountingLearner {
    private final double ridge;

    /**
     * @param context the run's dimensions, prior (n = its output dimension), initial dictionary and seed
     * @param atoms   n, the number of atoms; 0 for the prior's output dimension
     * @param ridge   relative ridge λ &gt; 0
     */
    public RidgeModLearner(LearnerContext context, int atoms, double ridge) {
        super(context, atoms > 0 ? atoms : context.prior().outputDim());
        this.ridge = ridge;
    }

    @Override
    public String name() {
        return "example/ridge-mod";
    }

    @Override
    public void fit(DMatrixRMaj y) {
        DMatrixRMaj x = encode(y).values();
        DMatrixRMaj residual = y.copy();
        CommonOps_DDRM.multAddTransB(-1, x, dictionary(), residual);
        double error = CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(residual, residual, null)) / y.numRows;
        DMatrixRMaj xx = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.multTransA(x, x, xx);
        DMatrixRMaj yx = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.multTransA(y, x, yx);
        CommonOps_DDRM.mult(yx, regularisedInverse(xx), dictionary());
        batchDone(y.numRows, error);
    }

    @Override
    public Codes encode(DMatrixRMaj y) {
        DMatrixRMaj gram = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.multTransA(dictionary(), dictionary(), gram);
        DMatrixRMaj ya = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.mult(y, dictionary(), ya);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.mult(ya, regularisedInverse(gram), x);
        return new Codes(x, null);
    }

    @Override
    public void coefficients(Codes codes, DMatrixRMaj out) {
        out.setTo(codes.values());
    }

    private DMatrixRMaj regularisedInverse(DMatrixRMaj square) {
        DMatrixRMaj m = square.copy();
        double lambda = ridge * (1 + CommonOps_DDRM.trace(m) / m.numRows);
        for (int j = 0; j < m.numRows; j++) {
            m.add(j, j, lambda);
        }
        CommonOps_DDRM.invert(m);
        return m;
    }
}
