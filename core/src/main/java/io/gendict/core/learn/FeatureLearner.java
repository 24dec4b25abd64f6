package io.gendict.core.learn;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.LinearFeatures;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code feature-als} (this project's, not from the paper): alternating minimisation in the feature
 * space a prior declares, G(z) = M·φ(z) ({@link LinearFeatures}). Only E = A·M (m×k) is identifiable
 * from data, so the learner fits E and sets A = E·M⁺ (M⁺ = (MᵀM)⁻¹Mᵀ, so A·M = E when M has full
 * column rank). It keeps the last W samples; per batch it runs up to R rounds of: decode the window
 * with the oracle (for φ = z∘z the Gauss–Newton oracle's non-negative least-squares start on E is
 * the global optimum, w = φ(ẑ) ≥ 0), then E = argmin ‖Y_w − Φ·Eᵀ‖²_F (Φ = φ(Ẑ), relative ridge
 * 1e-10), stopping early when the window error falls by less than 1e-6 relative.
 *
 * <p>After each fit E's columns are scaled to unit norm (the paper's unit-norm-atom convention,
 * applied to the identifiable part). The scale is otherwise free (E·D with codes D⁻¹·w fit the same
 * data) but the stored codes are rounded to fixed decimals, so it sets how many digits a code keeps:
 * with unit columns a code's error in data space is the rounding error itself, not that error times
 * ‖A·M‖ (thousands for group sparsity with Uniform[0,1) entries).
 *
 * <p>A dead feature (a column of Φ that is zero over the window) gets the normalised
 * worst-represented window sample as its column. Memory O(W·m + m·n). Checkpoint state: the base
 * state and the window. Stateful; not thread-safe.
 *
 * @since 0.1
 */
public final class FeatureLearner extends GenerativeLearner {
    /**
     * @param window samples kept, W (≥ 1)
     * @param rounds at most R decode-fit rounds per batch (≥ 1)
     */
    public record Options(int window, int rounds) {
        /** Checks the ranges. */
        public Options {
            Checks.parameter(window >= 1, "window = " + window + ", expected >= 1");
            Checks.parameter(rounds >= 1, "rounds = " + rounds + ", expected >= 1");
        }
    }

    private static final double RIDGE = 1e-10;
    private static final double STALL = 1e-9;
    private static final String WINDOW = "window";
    private final Options options;
    private final ChunkedDecoder decoder;
    private final LinearFeatures features;
    /** M⁺ (k×n). */
    private final DMatrixRMaj pseudoInverse;
    private final MatrixKernels kern = Kernels.get();
    private DMatrixRMaj window;

    /**
     * @param name    the method name reported by {@link #name()}
     * @param oracle  decode oracle for training and for {@link #encode}
     * @param context dimensions, prior (must declare linear features), initial dictionary, seed and threads
     * @param options window and rounds
     * @throws GendictException INVALID_PARAMETER when the prior declares no linear features or M lacks full column rank
     */
    public FeatureLearner(String name, DecodeOracle oracle, LearnerContext context, Options options) {
        super(name, context, oracle);
        this.features = prior.linearFeatures().orElseThrow(() -> new GendictException(ErrorKind.INVALID_PARAMETER,
                "method '" + name + "' needs a prior that declares linear features G(z) = M·φ(z) (such as group-sparsity); "
                        + "this prior declares none (use fast)"));
        this.options = options;
        this.decoder = new ChunkedDecoder(oracle, context.threads());
        this.pseudoInverse = pseudoInverse(features.mixing(), name);
        this.window = new DMatrixRMaj(0, a.numRows);
    }

    @Override
    protected double fitBatch(DMatrixRMaj y, int batch) {
        DMatrixRMaj yw = WindowFit.appended(window, y, options.window());
        SplittableRandom rng = batchRng(batch);
        int k = features.mixing().numCols;
        DMatrixRMaj e = new DMatrixRMaj(a.numRows, k);
        DMatrixRMaj next = a.copy();
        double first = Double.NaN;
        double previous = Double.POSITIVE_INFINITY;
        for (int round = 1; round <= options.rounds(); round++) {
            DecodeResult r = decoder.decode(next, prior, yw, rng.split());
            if (!finite(r.z())) {
                throw nonFinite(batch, "decode (round " + round + ")");
            }
            DMatrixRMaj phi = features(r.z());
            double fit = WindowFit.leastSquares(yw, phi, e, RIDGE);
            if (round == 1) {
                first = r.objective() == null ? fit : meanObjective(r);
            }
            normalizeColumns(e, yw, phi);
            kern.gemm(false, false, 1, e, pseudoInverse, 0, next);
            if (!finite(next) || !Double.isFinite(fit)) {
                throw nonFinite(batch, "update (round " + round + ")");
            }
            if (round > 1 && previous - fit <= STALL * previous) {
                break;
            }
            previous = fit;
        }
        window = yw;
        a.setTo(next);
        return first;
    }

    private static double meanObjective(DecodeResult r) {
        double s = 0;
        for (double v : r.objective()) {
            s += v;
        }
        return s / r.objective().length;
    }

    /** @return Φ = φ(Ẑ), B×k */
    private DMatrixRMaj features(DMatrixRMaj z) {
        DMatrixRMaj phi = z.copy();
        if (features.feature() == LinearFeatures.Feature.SQUARE) {
            for (int i = 0; i < phi.data.length; i++) {
                phi.data[i] *= phi.data[i];
            }
        }
        return phi;
    }

    /**
     * Scales each column of e to unit norm; a zero column (a feature no window sample uses) becomes
     * the normalised window sample worst represented by Φ·Eᵀ.
     */
    private void normalizeColumns(DMatrixRMaj e, DMatrixRMaj y, DMatrixRMaj phi) {
        int m = e.numRows;
        int k = e.numCols;
        double[] residual = rowResiduals(y, phi, e);
        for (int j = 0; j < k; j++) {
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += e.data[i * k + j] * e.data[i * k + j];
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                int worst = 0;
                for (int b = 1; b < residual.length; b++) {
                    if (residual[b] > residual[worst]) {
                        worst = b;
                    }
                }
                residual[worst] = -1;
                double s = 0;
                for (int i = 0; i < m; i++) {
                    e.data[i * k + j] = y.data[worst * m + i];
                    s += y.data[worst * m + i] * y.data[worst * m + i];
                }
                norm = Math.sqrt(s);
            }
            if (norm > 0) {
                for (int i = 0; i < m; i++) {
                    e.data[i * k + j] /= norm;
                }
            }
        }
    }

    private double[] rowResiduals(DMatrixRMaj y, DMatrixRMaj phi, DMatrixRMaj e) {
        DMatrixRMaj r = y.copy();
        kern.gemm(false, true, -1, phi, e, 1, r);
        double[] out = new double[y.numRows];
        int m = y.numCols;
        for (int b = 0; b < y.numRows; b++) {
            out[b] = kern.dot(m, r.data, b * m, r.data, b * m);
        }
        return out;
    }

    /** @return M⁺ = (MᵀM)⁻¹Mᵀ (k×n) */
    private static DMatrixRMaj pseudoInverse(DMatrixRMaj mixing, String name) {
        int k = mixing.numCols;
        DMatrixRMaj gram = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransA(mixing, mixing, gram);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(k);
        if (!solver.setA(gram)) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER,
                    "method '" + name + "': the prior's mixing matrix M has no full column rank, so A·M does not determine A");
        }
        DMatrixRMaj mt = new DMatrixRMaj(k, mixing.numRows);
        CommonOps_DDRM.transpose(mixing, mt);
        DMatrixRMaj out = new DMatrixRMaj(k, mixing.numRows);
        solver.solve(mt, out);
        return out;
    }

    @Override
    public Map<String, DMatrixRMaj> state() {
        Map<String, DMatrixRMaj> state = super.state();
        state.put(WINDOW, window.copy());
        return state;
    }

    @Override
    public void restore(Map<String, DMatrixRMaj> state) {
        DMatrixRMaj savedWindow = windowEntry(state, WINDOW, options.window());
        super.restore(state);
        window = savedWindow.copy();
    }
}
