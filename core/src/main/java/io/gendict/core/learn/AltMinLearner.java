package io.gendict.core.learn;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.SufficientStatisticsRule;
import io.gendict.core.spi.UpdateRule;
import org.ejml.data.DMatrixRMaj;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Alternating minimisation (docs/algorithms.md §2.1, §2.2): for each fresh batch Y, decode
 * Ẑ = oracle(A, Y) from starts drawn from p_z, then A ← rule(A, Y, G(Ẑ)). With the {@code adam}
 * oracle and update this is the paper's "altmin"; with {@code gauss-newton} and
 * {@code preconditioned-gradient} it is Algorithm 1; with {@code sign-flip} Gauss–Newton and
 * {@code online-least-squares} it is "fast". With {@code rounds} &gt; 1 a batch is decoded and
 * used for an update again while the last update lowered the batch's squared error (codes fixed)
 * by more than the relative {@code tolerance}: codes decoded against a poor early dictionary are
 * refreshed before the next batch. The decode runs in fixed chunks over the context's threads,
 * bit-identical to one thread. With a {@link SufficientStatisticsRule}, {@link #fit(int, RoundSums.Source)}
 * takes a batch whose rounds are decoded and summed elsewhere (e.g. on a cluster). Its checkpoint state is the dictionary, the counters and the update
 * rule's state (keys prefixed {@code rule.}). Stateful; not thread-safe.
 *
 * @since 0.1
 */
public final class AltMinLearner extends GenerativeLearner {
    /**
     * @param rounds    maximum decode-and-update rounds per batch (1 = the paper's altmin)
     * @param tolerance another round follows while the update lowered the batch error by more than
     *                  this fraction
     */
    public record Options(int rounds, double tolerance) {
        /** Checks the ranges. */
        public Options {
            Checks.parameter(rounds >= 1, "altmin: rounds = " + rounds + ", expected >= 1");
            Checks.parameter(tolerance >= 0 && tolerance <= 1, "altmin: round tolerance = " + tolerance + ", expected in [0, 1]");
        }

        /** @return one round per batch, as in the paper */
        public static Options single() {
            return new Options(1, 0);
        }
    }

    private static final String RULE = "rule.";
    private final ChunkedDecoder decoder;
    private final MatrixKernels kernels;
    private final Options options;
    private final UpdateRule rule;
    private final DMatrixRMaj backup;
    /** The round test's residual Y − X·Aᵀ, reused across rounds. */
    private final DMatrixRMaj residual = new DMatrixRMaj(1, 1);

    /**
     * @param name    the method name reported by {@link #name()}
     * @param oracle  the decode oracle, used for training and for {@link #encode}
     * @param rule    a fresh update rule, started here on the initial dictionary
     * @param context dimensions, prior, initial dictionary, seed and threads
     * @param options rounds per batch
     */
    public AltMinLearner(String name, DecodeOracle oracle, UpdateRule rule, LearnerContext context, Options options) {
        super(name, context, oracle);
        this.options = options;
        this.decoder = new ChunkedDecoder(oracle, context.threads());
        this.kernels = Kernels.parallel(context.threads());
        this.rule = rule;
        this.backup = a.copy();
        rule.start(a, prior, startRng.split());
    }

    @Override
    protected double fitBatch(DMatrixRMaj y, int batch) {
        backup.setTo(a);
        DMatrixRMaj x = new DMatrixRMaj(y.numRows, prior.outputDim());
        double first = Double.NaN;
        SplittableRandom rng = batchRng(batch);
        for (int round = 1; round <= options.rounds(); round++) {
            DecodeResult r = decoder.decode(a, prior, y, rng.split(), x);
            double sum = 0;
            for (double f : r.objective()) {
                sum += f;
            }
            if (!Double.isFinite(sum) || !finite(r.z())) {
                a.setTo(backup);
                throw nonFinite(batch, "decode (round " + round + ")");
            }
            if (round == 1) {
                first = sum / y.numRows;
            }
            rule.update(a, y, x, r.z());
            if (!finite(a)) {
                a.setTo(backup);
                throw nonFinite(batch, "update (round " + round + ")");
            }
            if (round < options.rounds() && squaredError(y, x) >= (1 - options.tolerance()) * sum) {
                break;
            }
        }
        return first;
    }

    /**
     * Consumes one batch decoded elsewhere: each round's sums come from {@code source} (decoding
     * against the current dictionary with the streams of {@link LearnerStreams#chunks}) and the rule
     * steps on them; rounds, error curve, listeners and checks are those of {@link #fit(DMatrixRMaj)}.
     *
     * @param rows   the batch's row count
     * @param source decodes a round and sums it
     * @throws GendictException INVALID_PARAMETER when the update rule cannot step on sums;
     *                          NUMERICAL_FAILURE on a non-finite sum or update (dictionary restored)
     */
    public void fit(int rows, RoundSums.Source source) {
        Checks.parameter(rows >= 1, name + ": batch of " + rows + " rows, expected >= 1");
        if (!(rule instanceof SufficientStatisticsRule sums)) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, name + ": update rule "
                    + rule.getClass().getSimpleName() + " cannot step on sufficient statistics; use online-least-squares,"
                    + " least-squares or preconditioned-gradient");
        }
        int batch = batchIndex();
        backup.setTo(a);
        double first = Double.NaN;
        for (int round = 1; round <= options.rounds(); round++) {
            RoundSums s = source.decode(batch, round, a);
            if (!s.finite()) {
                a.setTo(backup);
                throw nonFinite(batch, "decode (round " + round + ")");
            }
            if (round == 1) {
                first = s.objective() / rows;
            }
            sums.update(a, s.yx(), s.xx(), rows);
            if (!finite(a)) {
                a.setTo(backup);
                throw nonFinite(batch, "update (round " + round + ")");
            }
            if (round < options.rounds() && s.squaredError(a) >= (1 - options.tolerance()) * s.objective()) {
                break;
            }
        }
        record(rows, first);
    }

    @Override
    public Map<String, DMatrixRMaj> state() {
        Map<String, DMatrixRMaj> state = super.state();
        rule.state().forEach((key, value) -> state.put(RULE + key, value));
        return state;
    }

    @Override
    public void restore(Map<String, DMatrixRMaj> state) {
        Map<String, DMatrixRMaj> ruleState = new LinkedHashMap<>();
        state.forEach((key, value) -> {
            if (key.startsWith(RULE)) {
                ruleState.put(key.substring(RULE.length()), value);
            }
        });
        super.restore(state);
        rule.restore(ruleState);
    }

    private double squaredError(DMatrixRMaj y, DMatrixRMaj x) {
        residual.setTo(y);
        kernels.gemm(false, true, -1, x, a, 1, residual);
        int size = residual.numRows * residual.numCols;
        return kernels.dot(size, residual.data, 0, residual.data, 0);
    }
}
