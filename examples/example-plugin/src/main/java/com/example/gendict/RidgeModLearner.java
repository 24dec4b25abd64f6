package com.example.gendict;

import io.gendict.core.spi.Checkpointable;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.LearnerListener;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A dense baseline: codes are ridge least squares, x = (AᵀA + λI)⁻¹·Aᵀ·y, and each batch updates the
 * dictionary by MOD, A = YᵀX·(XᵀX + λI)⁻¹, with λ = ridge·(1 + tr/n) of the matrix regularised. Starts
 * from the context's initial dictionary, else from i.i.d. N(0, 1/m) atoms drawn from the seed; calls
 * its listeners after every batch; saves and restores its whole state (dictionary and counters).
 * Single-threaded, so any thread count gives the same result. Not thread-safe.
 */
public final class RidgeModLearner implements DictionaryLearner, Checkpointable {
    private final double ridge;
    private final DMatrixRMaj dictionary;
    private final List<LearnerListener> listeners = new ArrayList<>();
    private long seen;
    private int batches;

    /**
     * @param context the run's dimensions, prior (n = its output dimension), initial dictionary and seed
     * @param atoms   n, the number of atoms; 0 for the prior's output dimension
     * @param ridge   relative ridge λ &gt; 0
     */
    public RidgeModLearner(LearnerContext context, int atoms, double ridge) {
        this.ridge = ridge;
        DMatrixRMaj initial = context.initialDictionary();
        int n = initial != null ? initial.numCols : atoms > 0 ? atoms : context.prior().outputDim();
        if (initial != null) {
            dictionary = initial.copy();
        } else {
            SplittableRandom rng = new SplittableRandom(context.seed());
            dictionary = new DMatrixRMaj(context.m(), n);
            for (int i = 0; i < dictionary.getNumElements(); i++) {
                dictionary.data[i] = Gaussian.next(rng) / Math.sqrt(context.m());
            }
        }
    }

    @Override
    public String name() {
        return "example/ridge-mod";
    }

    @Override
    public void fit(DMatrixRMaj y) {
        DMatrixRMaj x = encode(y).values();
        DMatrixRMaj residual = y.copy();
        CommonOps_DDRM.multAddTransB(-1, x, dictionary, residual);
        double error = CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(residual, residual, null)) / y.numRows;
        DMatrixRMaj xx = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.multTransA(x, x, xx);
        DMatrixRMaj yx = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.multTransA(y, x, yx);
        CommonOps_DDRM.mult(yx, regularisedInverse(xx), dictionary);
        seen += y.numRows;
        for (LearnerListener l : listeners) {
            l.afterBatch(batches, seen, dictionary, error);
        }
        batches++;
    }

    @Override
    public DMatrixRMaj dictionary() {
        return dictionary;
    }

    @Override
    public long samplesSeen() {
        return seen;
    }

    @Override
    public Codes encode(DMatrixRMaj y) {
        DMatrixRMaj gram = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.multTransA(dictionary, dictionary, gram);
        DMatrixRMaj ya = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.mult(y, dictionary, ya);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.mult(ya, regularisedInverse(gram), x);
        return new Codes(x, null);
    }

    @Override
    public void coefficients(Codes codes, DMatrixRMaj out) {
        out.setTo(codes.values());
    }

    @Override
    public void addListener(LearnerListener listener) {
        listeners.add(listener);
    }

    @Override
    public Map<String, DMatrixRMaj> state() {
        return Map.of("dictionary", dictionary.copy(), "counters", new DMatrixRMaj(new double[][]{{seen, batches}}));
    }

    @Override
    public void restore(Map<String, DMatrixRMaj> state) {
        dictionary.setTo(state.get("dictionary"));
        seen = (long) state.get("counters").get(0, 0);
        batches = (int) state.get("counters").get(0, 1);
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
