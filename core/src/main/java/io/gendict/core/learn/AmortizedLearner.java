package io.gendict.core.learn;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.linalg.Cholesky;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.LatentEncoder;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Map;

/**
 * {@code amortized} (this project's, not from the paper): learns A from latents that start at the
 * prior's own amortized encoder ({@link LatentEncoder}, e.g. the VAE's μ(y)) and encodes the same
 * way. Per batch: Ẑ = enc(Y) for the first batch, afterwards the oracle's decode of Y against the
 * current A started from enc(Y); X = G(Ẑ); the sums S_xx += XᵀX (n×n) and S_xy += XᵀY (n×m) over
 * every sample seen; then A = S_yx·(S_xx + λI)⁻¹ (ridge towards 0).
 *
 * <p>λ = ρ·tr(S_xx)/n with ρ chosen from {1e-4, 1e-3, …, 10} by prequential validation: before a
 * batch enters the sums, each ρ's dictionary from the earlier sums predicts it, and the ρ with the
 * smallest total squared error over all batches so far is used (the first batch, with nothing to
 * validate on, takes ρ = 1e-2). The encoder's latents are biased on data it never saw (another
 * domain, a dictionary that is not the decoder's last layer), so the decode refines them; the ridge
 * keeps the n = 400 atoms of a VAE prior from fitting noise when the samples are few. The decode
 * uses no randomness (its starts are given), so a resumed run continues bit for bit. Checkpoint
 * state: the base state, the sums and the validation errors.
 *
 * @since 0.1
 */
public final class AmortizedLearner extends GenerativeLearner {
    private static final double[] RIDGES = {1e-4, 1e-3, 1e-2, 1e-1, 1, 10};
    private static final int FIRST_RIDGE = 2;
    private static final String SXX = "sxx";
    private static final String SXY = "sxy";
    private static final String VALIDATION = "validation";
    private final LatentEncoder latentEncoder;
    private final MatrixKernels kern;
    private final DMatrixRMaj sxx;
    private final DMatrixRMaj sxy;
    private final DMatrixRMaj validation;
    private final Cholesky cholesky;

    /**
     * @param name    the method name reported by {@link #name()}
     * @param oracle  decode oracle for {@link #encode}, started from the encoder's latents
     * @param context dimensions, prior (must come with an encoder reading m-dimensional samples), seed and threads
     * @throws GendictException INVALID_PARAMETER when the prior has no encoder or it reads another dimension
     */
    public AmortizedLearner(String name, DecodeOracle oracle, LearnerContext context) {
        super(name, context, oracle);
        this.latentEncoder = prior.encoder().orElseThrow(() -> new GendictException(ErrorKind.INVALID_PARAMETER,
                "method '" + name + "' needs a prior that comes with an amortized encoder (e.g. mlp:...,encoder=fc1+fc21 "
                        + "from train-vae); this prior has none"));
        Checks.parameter(latentEncoder.inputDim() == context.m(), "method '" + name + "': the prior's encoder reads "
                + latentEncoder.inputDim() + "-dimensional samples, but the data have m = " + context.m());
        int n = prior.outputDim();
        this.kern = Kernels.parallel(context.threads());
        this.sxx = new DMatrixRMaj(n, n);
        this.sxy = new DMatrixRMaj(n, context.m());
        this.validation = new DMatrixRMaj(1, RIDGES.length);
        this.cholesky = new Cholesky(n, context.threads());
    }

    @Override
    protected double fitBatch(DMatrixRMaj y, int batch) {
        DMatrixRMaj x = new DMatrixRMaj(y.numRows, prior.outputDim());
        prior.forward(batch == 0 ? encodeStarts(y) : encode(y).values(), x);
        if (!finite(x)) {
            throw nonFinite(batch, "encoder pass");
        }
        double trainError = squaredError(y, x, a) / y.numRows;
        if (batch > 0) {
            DMatrixRMaj candidate = new DMatrixRMaj(a.numRows, a.numCols);
            for (int j = 0; j < RIDGES.length; j++) {
                solve(RIDGES[j], candidate);
                validation.data[j] += squaredError(y, x, candidate);
            }
        }
        kern.gemm(true, false, 1, x, x, 1, sxx);
        kern.gemm(true, false, 1, x, y, 1, sxy);
        DMatrixRMaj next = new DMatrixRMaj(a.numRows, a.numCols);
        solve(RIDGES[chosenRidge(batch)], next);
        if (!finite(next)) {
            throw nonFinite(batch, "update");
        }
        a.setTo(next);
        return trainError;
    }

    /** @return the index of the ridge with the smallest prequential error so far, or the default before any */
    private int chosenRidge(int batch) {
        if (batch == 0) {
            return FIRST_RIDGE;
        }
        int best = 0;
        for (int j = 1; j < RIDGES.length; j++) {
            if (validation.data[j] < validation.data[best]) {
                best = j;
            }
        }
        return best;
    }

    /** Sets out (m×n) to S_yx·(S_xx + ρ·tr(S_xx)/n·I)⁻¹, row by row with the blocked Cholesky. */
    private void solve(double rho, DMatrixRMaj out) {
        int n = sxx.numRows;
        DMatrixRMaj s = sxx.copy();
        double lambda = Math.max(rho * CommonOps_DDRM.trace(s) / n, Double.MIN_NORMAL);
        for (int i = 0; i < n; i++) {
            s.data[i * n + i] += lambda;
        }
        if (!cholesky.factor(s)) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE,
                    name + ": the ridge-regularised " + n + "x" + n + " Gram matrix of G(Z) is not positive definite");
        }
        CommonOps_DDRM.transpose(sxy, out);
        cholesky.solveRows(out);
    }

    /** @return ‖Y − X·Dᵀ‖²_F */
    private double squaredError(DMatrixRMaj y, DMatrixRMaj x, DMatrixRMaj d) {
        DMatrixRMaj r = y.copy();
        kern.gemm(false, true, -1, x, d, 1, r);
        return kern.dot(r.data.length, r.data, 0, r.data, 0);
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
}
