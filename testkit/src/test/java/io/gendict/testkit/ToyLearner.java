package io.gendict.testkit;

import io.gendict.core.contract.PlantedProblem;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.LearnerListener;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small correct learner (ridge least-squares codes, MOD update) and the bugs the learner contract
 * must catch, one per {@link Bug}.
 */
final class ToyLearner implements DictionaryLearner {
    /** What the learner gets wrong. */
    enum Bug { NONE, IGNORES_INITIAL_DICTIONARY, SILENT_LISTENERS, UNSEEDED }

    private static final double RIDGE = 1e-6;

    private final Bug bug;
    private final DMatrixRMaj dictionary;
    private final List<LearnerListener> listeners = new ArrayList<>();
    private long seen;
    private int batches;

    ToyLearner(LearnerContext context, Bug bug) {
        this(context, bug, context.prior().outputDim());
    }

    /** @param atoms n, the number of atoms of a dictionary drawn from the seed */
    ToyLearner(LearnerContext context, Bug bug, int atoms) {
        this.bug = bug;
        int n = atoms;
        long seed = bug == Bug.UNSEEDED ? new SplittableRandom().nextLong() : context.seed();
        this.dictionary = context.initialDictionary() != null && bug != Bug.IGNORES_INITIAL_DICTIONARY
                ? context.initialDictionary().copy() : PlantedProblem.randomDictionary(context.m(), n, seed);
    }

    @Override
    public String name() {
        return "toy";
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
        for (int j = 0; j < xx.numRows; j++) {
            xx.add(j, j, RIDGE * (1 + CommonOps_DDRM.trace(xx)));
        }
        CommonOps_DDRM.invert(xx);
        CommonOps_DDRM.mult(yx, xx, dictionary);
        seen += y.numRows;
        if (bug != Bug.SILENT_LISTENERS) {
            for (LearnerListener l : listeners) {
                l.afterBatch(batches, seen, dictionary, error);
            }
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
        for (int j = 0; j < gram.numRows; j++) {
            gram.add(j, j, RIDGE * (1 + CommonOps_DDRM.trace(gram)));
        }
        CommonOps_DDRM.invert(gram);
        DMatrixRMaj ya = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.mult(y, dictionary, ya);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        CommonOps_DDRM.mult(ya, gram, x);
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
}
