package io.gendict.core.learn;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.linalg.Cholesky;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecoderHead;
import io.gendict.core.spi.LatentEncoder;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@code amortized} (this project's, not from the paper): learns A from latents that start at the
 * prior's own amortized encoder ({@link LatentEncoder}, e.g. the VAE's μ(y)) and encodes the same
 * way. Per batch: Ẑ = enc(Y) for the first batch, afterwards the oracle's decode of Y against the
 * current A started from enc(Y); X = G(Ẑ); the sums S_xx += XᵀX (n×n) and S_xy += XᵀY (n×m) over
 * every sample seen; then A = (S_yx + λ·T)·(S_xx + λI)⁻¹, ridge towards a target T.
 *
 * <p>The targets are 0 and, when the prior has a {@link DecoderHead} whose output is m-dimensional,
 * the anchor A₀: the best linear stand-in for the head on the prior's own samples,
 * A₀ = argmin Σ‖head(G(z)) − A·G(z)‖² over {@value #ANCHOR_SAMPLES_PER_FEATURE}·n latents z ~ p_z
 * (no data needed: it is the pretrained decoder's own map, which the data may differ from). With an
 * anchor and no initial dictionary in the context, A starts at A₀ and the first batch is decoded
 * against it; otherwise the first batch's latents are the encoder's alone (a given or random A
 * says nothing yet).
 *
 * <p>λ = ρ·tr(S_xx)/(n·N) over the N samples seen: the mean diagonal of one sample's XᵀX, so the
 * ridge acts as a fixed prior whose weight against the data fades as N grows. The target and
 * ρ ∈ {1e-4, 1e-3, …, 1000} are chosen by prequential validation: before a batch enters the sums,
 * each candidate's dictionary from the earlier sums predicts it, and the candidate with the
 * smallest total squared error over all batches so far is used (the first batch, with nothing to
 * validate on, takes the anchor, or 0, with ρ = 0.1). The encoder's latents are biased on data it never saw (another
 * domain, a dictionary that is not the decoder's last layer), so the decode refines them; the ridge
 * keeps the n = 400 atoms of a VAE prior from fitting noise when the samples are few. The decode
 * uses no randomness (its starts are given) and the anchor is a function of the prior and the
 * seed, so a resumed run continues bit for bit. Checkpoint state: the base state, the sums and the
 * validation errors.
 *
 * @since 0.1
 */
public final class AmortizedLearner extends GenerativeLearner {
    private static final double[] RIDGES = {1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100, 1000};
    private static final int FIRST_RIDGE = 3;
    /** Prior samples per feature behind the anchor's least squares. */
    static final int ANCHOR_SAMPLES_PER_FEATURE = 50;
    private static final double ANCHOR_RIDGE = 1e-8;
    private static final String SXX = "sxx";
    private static final String SXY = "sxy";
    private static final String VALIDATION = "validation";
    private final Options options;
    private final LatentEncoder latentEncoder;
    private final MatrixKernels kern;
    private final DMatrixRMaj sxx;
    private final DMatrixRMaj sxy;
    private final DMatrixRMaj validation;
    private final Cholesky cholesky;
    /** The ridge targets: 0, then the anchor A₀ (m×n) when the prior has a usable head (built on first use). */
    private final List<DMatrixRMaj> targets = new ArrayList<>();
    /** The usable head, until the anchor is built from it; {@code null} after that or without one. */
    private DecoderHead pendingHead;
    /** Whether A started at the anchor, so that the first batch already decodes against it. */
    private final boolean startsAtAnchor;

    /**
     * @param name    the method name reported by {@link #name()}
     * @param oracle  decode oracle for {@link #encode}, started from the encoder's latents
     * @param context dimensions, prior (must come with an encoder reading m-dimensional samples; its
     *                head, if any, gives the anchor), initial dictionary, seed and threads
     * @param options whether the oracle refines the encoder's latents and whether a head anchors A
     * @throws GendictException INVALID_PARAMETER when the prior has no encoder or it reads another dimension
     */
    public AmortizedLearner(String name, DecodeOracle oracle, LearnerContext context, Options options) {
        super(name, context, oracle);
        this.options = options;
        this.latentEncoder = prior.encoder().orElseThrow(() -> new GendictException(ErrorKind.INVALID_PARAMETER,
                "method '" + name + "' needs a prior that comes with an amortized encoder (e.g. mlp:...,encoder=fc1+fc21 "
                        + "from train-vae); this prior has none"));
        Checks.parameter(latentEncoder.inputDim() == context.m(), "method '" + name + "': the prior's encoder reads "
                + latentEncoder.inputDim() + "-dimensional samples, but the data have m = " + context.m());
        int n = prior.outputDim();
        this.kern = Kernels.parallel(context.threads());
        this.sxx = new DMatrixRMaj(n, n);
        this.sxy = new DMatrixRMaj(n, context.m());
        this.cholesky = new Cholesky(n, context.threads());
        targets.add(new DMatrixRMaj(context.m(), n));
        Optional<DecoderHead> head = prior.head().filter(h -> options.anchor() && h.outputDim() == context.m());
        this.pendingHead = head.orElse(null);
        this.validation = new DMatrixRMaj(head.isPresent() ? 2 : 1, RIDGES.length);
        this.startsAtAnchor = head.isPresent() && context.initialDictionary() == null;
        if (startsAtAnchor) {
            buildAnchor();
            a.setTo(targets.get(1));
        }
    }

    /**
     * Adds the anchor to {@link #targets} the first time it is needed, so that a learner rebuilt
     * around a saved dictionary only to encode never pays for it.
     */
    private void buildAnchor() {
        if (pendingHead != null) {
            targets.add(anchor(pendingHead, a.numRows));
            pendingHead = null;
        }
    }

    /**
     * @return A₀ = S_dx·(S_xx + ε·tr(S_xx)/n·I)⁻¹ (m×n) from the prior's own samples x = G(z),
     * d = head(x), z ~ p_z drawn from the run's start stream, summed in chunks
     */
    private DMatrixRMaj anchor(DecoderHead head, int m) {
        int n = prior.outputDim();
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        DMatrixRMaj cross = new DMatrixRMaj(n, m);
        HeadSamples.sum(prior, head, ANCHOR_SAMPLES_PER_FEATURE * n, startRng, kern, gram, cross);
        DMatrixRMaj out = new DMatrixRMaj(m, n);
        ridgeSolve(gram, cross, 1, ANCHOR_RIDGE, null, out);
        if (!finite(out)) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE, name + ": the prior's head gives a non-finite anchor");
        }
        return out;
    }

    @Override
    protected double fitBatch(DMatrixRMaj y, int batch) {
        buildAnchor();
        DMatrixRMaj x = new DMatrixRMaj(y.numRows, prior.outputDim());
        prior.forward(batch == 0 && !startsAtAnchor ? encodeStarts(y) : encode(y).values(), x);
        if (!finite(x)) {
            throw nonFinite(batch, "encoder pass");
        }
        double trainError = squaredError(y, x, a) / y.numRows;
        if (batch > 0) {
            validate(y, x);
        }
        kern.gemm(true, false, 1, x, x, 1, sxx);
        kern.gemm(true, false, 1, x, y, 1, sxy);
        int chosen = chosenCandidate(batch);
        DMatrixRMaj next = new DMatrixRMaj(a.numRows, a.numCols);
        ridgeSolve(sxx, sxy, samplesSeen() + y.numRows, RIDGES[chosen % RIDGES.length],
                targets.get(chosen / RIDGES.length), next);
        if (!finite(next)) {
            throw nonFinite(batch, "update");
        }
        a.setTo(next);
        return trainError;
    }

    /**
     * Adds to each candidate's validation entry its error ‖Y − X·Aᵀ‖²_F on the batch, A from the
     * sums before it. X·Aᵀ = X·(S_xx + λI)⁻¹·(S_xy + λ·Tᵀ), so one factorization per ρ serves every
     * target and no m×n solve is needed: B·n² + B·n·m per candidate instead of m·n².
     */
    private void validate(DMatrixRMaj y, DMatrixRMaj x) {
        DMatrixRMaj w = new DMatrixRMaj(x.numRows, x.numCols);
        DMatrixRMaj r = new DMatrixRMaj(y.numRows, y.numCols);
        for (int j = 0; j < RIDGES.length; j++) {
            double lambda = factorRidged(sxx, samplesSeen(), RIDGES[j]);
            w.setTo(x);
            cholesky.solveRows(w);
            for (int t = 0; t < targets.size(); t++) {
                r.setTo(y);
                kern.gemm(false, false, -1, w, sxy, 1, r);
                if (t > 0) {
                    kern.gemm(false, true, -lambda, w, targets.get(t), 1, r);
                }
                validation.data[t * RIDGES.length + j] += kern.dot(r.data.length, r.data, 0, r.data, 0);
            }
        }
    }

    /**
     * @return the index (target·ridges + ridge) of the candidate with the smallest prequential
     * error so far, or the default before any: the last target with the first batch's ridge
     */
    private int chosenCandidate(int batch) {
        if (batch == 0) {
            return (targets.size() - 1) * RIDGES.length + FIRST_RIDGE;
        }
        int best = 0;
        for (int j = 1; j < validation.data.length; j++) {
            if (validation.data[j] < validation.data[best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * Sets out (c×n) to (crossᵀ + λ·target)·(gram + λI)⁻¹ with λ = ρ·tr(gram)/(n·count), row by
     * row with the blocked Cholesky.
     *
     * @param gram   n×n. Not modified.
     * @param cross  n×c. Not modified.
     * @param count  the samples gram sums over
     * @param rho    the ridge relative to the mean diagonal of gram per sample
     * @param target c×n ridge target, or {@code null} for 0
     * @param out    c×n result
     */
    private void ridgeSolve(DMatrixRMaj gram, DMatrixRMaj cross, long count, double rho, DMatrixRMaj target,
                            DMatrixRMaj out) {
        double lambda = factorRidged(gram, count, rho);
        CommonOps_DDRM.transpose(cross, out);
        if (target != null) {
            CommonOps_DDRM.addEquals(out, lambda, target);
        }
        cholesky.solveRows(out);
    }

    /**
     * Factors gram + λI (λ = ρ·tr(gram)/(n·count)) into {@link #cholesky}.
     *
     * @return λ
     */
    private double factorRidged(DMatrixRMaj gram, long count, double rho) {
        int n = gram.numRows;
        DMatrixRMaj s = gram.copy();
        double lambda = Math.max(rho * CommonOps_DDRM.trace(s) / ((double) n * count), Double.MIN_NORMAL);
        for (int i = 0; i < n; i++) {
            s.data[i * n + i] += lambda;
        }
        if (!cholesky.factor(s)) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE,
                    name + ": the ridge-regularised " + n + "x" + n + " Gram matrix of G(Z) is not positive definite");
        }
        return lambda;
    }

    /** @return ‖Y − X·Dᵀ‖²_F */
    private double squaredError(DMatrixRMaj y, DMatrixRMaj x, DMatrixRMaj d) {
        DMatrixRMaj r = y.copy();
        kern.gemm(false, true, -1, x, d, 1, r);
        return kern.dot(r.data.length, r.data, 0, r.data, 0);
    }

    /** @return the starts as they are without refinement, else the oracle's decode from them */
    @Override
    protected DMatrixRMaj decode(DMatrixRMaj y, DMatrixRMaj starts, SplittableRandom stream) {
        return options.refine() ? super.decode(y, starts, stream) : starts;
    }

    /** @return the encoder's latents of y (B×k) */
    @Override
    protected DMatrixRMaj encodeStarts(DMatrixRMaj y) {
        DMatrixRMaj z = new DMatrixRMaj(y.numRows, prior.latentDim());
        latentEncoder.encode(y, z);
        return z;
    }

    @Override
    public Map<String, DMatrixRMaj> state() {
        Map<String, DMatrixRMaj> state = super.state();
        state.put(SXX, sxx.copy());
        state.put(SXY, sxy.copy());
        state.put(VALIDATION, validation.copy());
        return state;
    }

    @Override
    public void restore(Map<String, DMatrixRMaj> state) {
        DMatrixRMaj[] saved = {entry(state, SXX), entry(state, SXY), entry(state, VALIDATION)};
        DMatrixRMaj[] own = {sxx, sxy, validation};
        String[] keys = {SXX, SXY, VALIDATION};
        for (int i = 0; i < saved.length; i++) {
            Checks.shape(name + " state '" + keys[i] + "'", saved[i], own[i].numRows, own[i].numCols);
            Checks.finite(name + " state '" + keys[i] + "'", saved[i]);
        }
        super.restore(state);
        for (int i = 0; i < saved.length; i++) {
            own[i].setTo(saved[i]);
        }
    }

    /**
     * @param refine whether the oracle refines the encoder's latents against the current A (else
     *               the encoder's latents are the codes, in training and in encoding)
     * @param anchor whether a prior's decoder head, when it has one, anchors A (else the ridge
     *               pulls towards 0 only and A starts where the context says)
     */
    public record Options(boolean refine, boolean anchor) {
    }
}
