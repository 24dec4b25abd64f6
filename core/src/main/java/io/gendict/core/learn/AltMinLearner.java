package io.gendict.core.learn;

import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.UpdateRule;
import org.ejml.data.DMatrixRMaj;

/**
 * Alternating minimisation (ALGORITHMS.md §2.1, §2.2): for each fresh batch Y, decode
 * Ẑ = oracle(A, Y) from starts drawn from p_z, then A ← rule(A, Y, G(Ẑ)). With the {@code adam}
 * oracle and update this is the paper's "altmin"; with {@code gauss-newton} and
 * {@code preconditioned-gradient} it is Algorithm 1; with {@code sign-flip} Gauss–Newton and
 * {@code online-least-squares} it is "fast". The decode runs in fixed chunks over the context's
 * threads, bit-identical to one thread. Stateful; not thread-safe.
 *
 * @since 0.1
 */
public final class AltMinLearner extends GenerativeLearner {
    private final ChunkedDecoder decoder;
    private final UpdateRule rule;
    private final DMatrixRMaj backup;

    /**
     * @param name    the method name reported by {@link #name()}
     * @param oracle  the decode oracle, used for training and for {@link #encode}
     * @param rule    a fresh update rule, started here on the initial dictionary
     * @param context dimensions, prior, initial dictionary, seed and threads
     */
    public AltMinLearner(String name, DecodeOracle oracle, UpdateRule rule, LearnerContext context) {
        super(name, context, oracle);
        this.decoder = new ChunkedDecoder(oracle, context.threads());
        this.rule = rule;
        this.backup = a.copy();
        rule.start(a, prior, trainRng.split());
    }

    @Override
    protected double fitBatch(DMatrixRMaj y, int batch) {
        DecodeResult r = decoder.decode(a, prior, y, trainRng.split());
        double sum = 0;
        for (double f : r.objective()) {
            sum += f;
        }
        if (!Double.isFinite(sum) || !finite(r.z())) {
            throw nonFinite(batch, "decode");
        }
        DMatrixRMaj x = new DMatrixRMaj(y.numRows, prior.outputDim());
        prior.forward(r.z(), x);
        backup.setTo(a);
        rule.update(a, y, x);
        if (!finite(a)) {
            a.setTo(backup);
            throw nonFinite(batch, "update");
        }
        return sum / y.numRows;
    }
}
