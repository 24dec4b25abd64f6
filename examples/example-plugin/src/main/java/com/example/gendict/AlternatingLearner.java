package com.example.gendict;

import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.UpdateRule;
import org.ejml.data.DMatrixRMaj;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Alternating minimisation with whatever oracle and update rule it is given: per batch, decode Ẑ
 * from zero latents, X = G(Ẑ), then one update of A. Codes are the latents decoded from zero, so
 * encoding has no randomness and any split into blocks codes alike. Not thread-safe.
 */
public final class AlternatingLearner extends CountingLearner {
    private final DecodeOracle oracle;
    private final UpdateRule rule;
    private final GenerativePrior prior;

    /**
     * @param oracle  decodes batches and samples to code
     * @param rule    a fresh update rule
     * @param context dimensions, prior (n = its output dimension), initial dictionary and seed
     */
    public AlternatingLearner(DecodeOracle oracle, UpdateRule rule, LearnerContext context) {
        super(context, context.prior().outputDim());
        this.oracle = oracle;
        this.rule = rule;
        this.prior = context.prior();
        rule.start(dictionary(), prior, new SplittableRandom(context.seed()));
    }

    @Override
    public String name() {
        return "example/alternating";
    }

    @Override
    public void fit(DMatrixRMaj y) {
        DecodeResult r = decode(y);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        prior.forward(r.z(), x);
        double error = 0;
        for (double f : r.objective()) {
            error += f;
        }
        rule.update(dictionary(), y, x, r.z());
        batchDone(y.numRows, error / y.numRows);
    }

    @Override
    public Codes encode(DMatrixRMaj y) {
        return new Codes(decode(y).z(), null);
    }

    @Override
    public void coefficients(Codes codes, DMatrixRMaj out) {
        prior.forward(codes.values(), out);
    }

    @Override
    Map<String, DMatrixRMaj> extraState() {
        return rule.state();
    }

    @Override
    void restoreExtra(Map<String, DMatrixRMaj> state) {
        rule.restore(state);
    }

    private DecodeResult decode(DMatrixRMaj y) {
        return oracle.decode(dictionary(), prior, y, new DMatrixRMaj(y.numRows, prior.latentDim()),
                new SplittableRandom(0));
    }
}
