package io.gendict.core.learn;

import io.gendict.core.kernel.Workers;
import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Windowed dictionary fitting from several initial dictionaries at once (this project's {@code fast}
 * for priors with a small latent space and no linear features; not from the paper). It keeps the last
 * W samples seen and a set of candidate dictionaries. For each batch and each candidate A_c:
 * <ol>
 * <li>decode the window from fresh starts under A_c. Its row errors e_b = ‖y_b − A_c·G(ẑ_b)‖² fix the
 * batch's cap c = {@value #TRIM}·median(e) and objective, the truncated window error
 * f(A) = Σ_b min(e_b(A), c) / W: a sample the decoder puts in a wrong basin (its error tens of times the
 * median) then no longer drags the fit;</li>
 * <li>whiten the codes of the rows under the cap to p_z's second moment ({@link CodeWhitening}) and fit
 * A = argmin ‖Y_k − G(Ẑ_k)·Aᵀ‖²_F on those rows by least squares (relative ridge 1e-8): one alternation
 * step, which takes the new samples in; it is kept if a fresh decode shows that it lowers f;</li>
 * <li>then up to R − 1 Levenberg–Marquardt steps on f: a {@link ProfileStep} on the rows under the cap
 * (Gauss–Newton with the codes eliminated; a least-squares refit on whitened codes when m·n exceeds
 * {@value ProfileStep#MAX_UNKNOWNS}), then a decode of the window started from the current codes; a
 * step that lowers f is kept and the damping divided by 3, else the damping grows tenfold. The steps
 * stop once a kept step lowers f by less than {@value #CONVERGED} of it, after a rejected least-squares
 * refit, or when the damping passes {@value #MAX_DAMPING}.</li>
 * </ol>
 * After the batch, candidates whose f exceeds {@value #PRUNE_RATIO} times the best one's are dropped: a
 * candidate stuck in a poor local minimum fits several times worse than one at the global fit, so
 * restarts cost little once the window tells them apart. The reported dictionary is the best candidate.
 * Every decode of a batch gets a stream with the same seed, so an oracle that draws starts from its
 * stream (a p_z screen) draws the same ones for all candidates and steps: their errors are compared on
 * equal terms, and the screen can be drawn once. Candidate 0 starts at the context's A0, candidate
 * c &gt; 0 at A0 with its entries shuffled (seeded), which keeps A0's entry distribution and scale.
 * Memory O(W·m + C·m·n) plus the profile system, independent of the samples seen. The candidates run
 * on the context's threads, each decoding its window in one oracle call; results do not depend on the
 * thread count. Checkpoint state: the base state, the window and the surviving candidates. Stateful;
 * not thread-safe.
 *
 * @since 0.1
 */
public final class RestartLearner extends GenerativeLearner {
    /**
     * @param restarts candidate dictionaries C at the start (≥ 1)
     * @param window   samples kept, W (≥ 1)
     * @param rounds   steps per batch and candidate, R (≥ 1): one alternation step, then up to R − 1
     *                 Levenberg–Marquardt steps
     */
    public record Options(int restarts, int window, int rounds) {
        /** Checks the ranges. */
        public Options {
            Checks.parameter(restarts >= 1, "restarts = " + restarts + ", expected >= 1");
            Checks.parameter(window >= 1, "window = " + window + ", expected >= 1");
            Checks.parameter(rounds >= 1, "rounds = " + rounds + ", expected >= 1");
        }
    }

    private static final double RIDGE = 1e-8;
    private static final double FIRST_DAMPING = 1e-3;
    private static final double MAX_DAMPING = 1e3;
    private static final double CONVERGED = 1e-2;
    private static final double PRUNE_RATIO = 3;
    /** Rows whose error exceeds this many times the window's median are left out of the fit. */
    private static final double TRIM = 10;
    private static final String WINDOW = "window";
    private static final String CANDIDATES = "candidates";
    private final Options options;
    private final ChunkedDecoder decoder;
    private final Workers workers;
    private final CodeWhitening whitening;
    private final List<DMatrixRMaj> candidates = new ArrayList<>();
    private DMatrixRMaj window;

    /**
     * @param name    the method name reported by {@link #name()}
     * @param oracle  decode oracle for training and for {@link #encode}
     * @param context dimensions, prior, initial dictionary, seed and threads
     * @param options restarts, window and rounds
     */
    public RestartLearner(String name, DecodeOracle oracle, LearnerContext context, Options options) {
        super(name, context, oracle);
        this.options = options;
        this.decoder = new ChunkedDecoder(oracle, 1, options.window());
        this.workers = new Workers(context.threads());
        this.whitening = new CodeWhitening(prior, startRng.split());
        this.window = new DMatrixRMaj(0, a.numRows);
        candidates.add(a.copy());
        for (int c = 1; c < options.restarts(); c++) {
            candidates.add(shuffled(a, startRng.split()));
        }
    }

    @Override
    protected double fitBatch(DMatrixRMaj y, int batch) {
        DMatrixRMaj yw = WindowFit.appended(window, y, options.window());
        long screen = batchRng(batch).nextLong();
        int count = candidates.size();
        DMatrixRMaj[] fitted = new DMatrixRMaj[count];
        double[] fits = new double[count];
        workers.run(count, c -> {
            fitted[c] = candidates.get(c).copy();
            fits[c] = rounds(fitted[c], yw, screen, batch, c);
        }, "restart");
        int best = 0;
        for (int c = 1; c < count; c++) {
            if (fits[c] < fits[best]) {
                best = c;
            }
        }
        window = yw;
        a.setTo(fitted[best]);
        candidates.clear();
        for (int c = 0; c < count; c++) {
            if (fits[c] <= PRUNE_RATIO * fits[best]) {
                candidates.add(fitted[c]);
            }
        }
        return fits[best];
    }

    /**
     * Runs one candidate's steps on the window.
     *
     * @param ac        the candidate's dictionary, updated in place
     * @param yw        W×m window. Not modified.
     * @param screen    seeds the stream of every decode of this batch
     * @param batch     batch index, for messages
     * @param candidate candidate index, for messages
     * @return the truncated window error f(A_c) of the candidate's final dictionary
     */
    private double rounds(DMatrixRMaj ac, DMatrixRMaj yw, long screen, int batch, int candidate) {
        DMatrixRMaj x = new DMatrixRMaj(yw.numRows, prior.outputDim());
        DMatrixRMaj z = decodeChecked(ac, yw, null, screen, batch, candidate, x);
        double[] errors = WindowFit.rowErrors(yw, x, ac);
        double cap = TRIM * median(errors);
        double fit = truncated(errors, cap);
        DMatrixRMaj trial = ac.copy();
        DMatrixRMaj xt = new DMatrixRMaj(yw.numRows, prior.outputDim());
        leastSquaresOnKept(yw, z, errors, cap, trial);
        checkUpdate(trial, batch, candidate);
        DMatrixRMaj zt = decodeChecked(trial, yw, null, screen, batch, candidate, xt);
        double[] trialErrors = WindowFit.rowErrors(yw, xt, trial);
        double f = truncated(trialErrors, cap);
        if (f < fit) {
            ac.setTo(trial);
            x.setTo(xt);
            z = zt;
            errors = trialErrors;
            fit = f;
        }
        boolean profile = (long) ac.numRows * ac.numCols <= ProfileStep.MAX_UNKNOWNS;
        double damping = FIRST_DAMPING;
        ProfileStep step = null;
        for (int round = 2; round <= options.rounds() && damping <= MAX_DAMPING; round++) {
            if (profile) {
                if (step == null) {
                    boolean[] kept = below(errors, cap);
                    step = new ProfileStep(prior, WindowFit.rows(yw, kept), WindowFit.rows(z, kept),
                            WindowFit.rows(x, kept), ac);
                }
                if (!step.step(damping, trial)) {
                    damping *= 10;
                    continue;
                }
            } else {
                trial.setTo(ac);
                leastSquaresOnKept(yw, z, errors, cap, trial);
            }
            checkUpdate(trial, batch, candidate);
            zt = decodeChecked(trial, yw, z, screen, batch, candidate, xt);
            trialErrors = WindowFit.rowErrors(yw, xt, trial);
            f = truncated(trialErrors, cap);
            if (f < fit) {
                boolean converged = fit - f < CONVERGED * fit;
                ac.setTo(trial);
                x.setTo(xt);
                z = zt;
                errors = trialErrors;
                fit = f;
                step = null;
                damping /= 3;
                if (converged) {
                    break;
                }
            } else if (profile) {
                damping *= 10;
            } else {
                break;
            }
        }
        return fit;
    }

    /** Sets {@code out} to the ridge fit on the window rows whose error is at most {@code cap}, on whitened codes. */
    private void leastSquaresOnKept(DMatrixRMaj yw, DMatrixRMaj z, double[] errors, double cap, DMatrixRMaj out) {
        boolean[] kept = below(errors, cap);
        DMatrixRMaj zk = WindowFit.rows(z, kept);
        WindowFit.leastSquares(WindowFit.rows(yw, kept), forward(whitening.apply(zk), new DMatrixRMaj(zk.numRows,
                prior.outputDim())), out, RIDGE);
    }

    /** @return the median of the values (the upper one of the middle two for an even count) */
    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** @return the mean of min(e_b, cap): the truncated window error */
    private static double truncated(double[] errors, double cap) {
        double s = 0;
        for (double e : errors) {
            s += Math.min(e, cap);
        }
        return s / errors.length;
    }

    /** @return which errors are at most {@code cap} */
    private static boolean[] below(double[] errors, double cap) {
        boolean[] kept = new boolean[errors.length];
        for (int b = 0; b < errors.length; b++) {
            kept[b] = errors[b] <= cap;
        }
        return kept;
    }

    /** @return the decoded window codes (W×k), with G of them written to {@code x}; start may be null */
    private DMatrixRMaj decodeChecked(DMatrixRMaj ac, DMatrixRMaj yw, DMatrixRMaj start, long screen,
                                      int batch, int candidate, DMatrixRMaj x) {
        DecodeResult r = decoder.decode(ac, prior, yw, start, new SplittableRandom(screen), x);
        if (!finite(r.z())) {
            throw nonFinite(batch, "decode (candidate " + candidate + ")");
        }
        return r.z();
    }

    private void checkUpdate(DMatrixRMaj ac, int batch, int candidate) {
        if (!finite(ac)) {
            throw nonFinite(batch, "update (candidate " + candidate + ")");
        }
    }

    /** @return x, overwritten with G(z) */
    private DMatrixRMaj forward(DMatrixRMaj z, DMatrixRMaj x) {
        prior.forward(z, x);
        return x;
    }

    /** @return A0 with its entries permuted uniformly at random (Fisher–Yates) */
    private static DMatrixRMaj shuffled(DMatrixRMaj a0, SplittableRandom rng) {
        DMatrixRMaj out = a0.copy();
        double[] d = out.data;
        for (int i = d.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = d[i];
            d[i] = d[j];
            d[j] = t;
        }
        return out;
    }

    @Override
    public Map<String, DMatrixRMaj> state() {
        Map<String, DMatrixRMaj> state = super.state();
        state.put(WINDOW, window.copy());
        int m = a.numRows;
        DMatrixRMaj stacked = new DMatrixRMaj(candidates.size() * m, a.numCols);
        for (int c = 0; c < candidates.size(); c++) {
            CommonOps_DDRM.insert(candidates.get(c), stacked, c * m, 0);
        }
        state.put(CANDIDATES, stacked);
        return state;
    }

    @Override
    public void restore(Map<String, DMatrixRMaj> state) {
        DMatrixRMaj savedWindow = windowEntry(state, WINDOW, options.window());
        DMatrixRMaj stacked = entry(state, CANDIDATES);
        int m = a.numRows;
        int count = stacked.numRows / m;
        String what = name + " state '" + CANDIDATES + "'";
        if (stacked.numCols != a.numCols || stacked.numRows % m != 0 || count < 1 || count > options.restarts()) {
            throw new GendictException(ErrorKind.INVALID_INPUT, what + ": expected 1 to " + options.restarts()
                    + " stacked " + m + "×" + a.numCols + " dictionaries, got " + stacked.numRows + "×" + stacked.numCols);
        }
        Checks.finite(what, stacked);
        super.restore(state);
        window = savedWindow.copy();
        candidates.clear();
        for (int c = 0; c < count; c++) {
            candidates.add(CommonOps_DDRM.extract(stacked, c * m, (c + 1) * m, 0, a.numCols));
        }
    }
}
