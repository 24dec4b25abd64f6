package io.gendict.core.learn;

import io.gendict.core.kernel.Workers;
import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Windowed alternating minimisation from several initial dictionaries at once, with code whitening
 * (this project's {@code fast} for priors with a small latent space and no linear features; not from
 * the paper). It keeps the last W samples seen. For each batch and each candidate dictionary A_c it
 * runs R rounds of: decode the window from fresh starts; when the codes' second moment Ĉ = ẐᵀẐ/W is
 * further from p_z's C_p = E[zzᵀ] (k×k, Monte Carlo) than sampling noise explains, whiten them so
 * that it equals C_p, Ẑ ← Ẑ·Ĉ^{-1/2}·C_p^{1/2}; then
 * least squares A_c = argmin ‖Y_w − G(Ẑ)·Aᵀ‖²_F (relative ridge 1e-8). Hard decoding ignores p_z, so
 * alternating minimisation drifts towards dictionaries whose codes collapse into a small, nearly
 * linear part of G; matching the moment that the prior fixes removes that drift. The reported
 * dictionary is the candidate with the smallest window error ‖Y_w − G(Ẑ)·A_cᵀ‖²_F / W. Candidate 0
 * starts at the context's A0, candidate c &gt; 0 at A0 with its entries shuffled (seeded), which keeps
 * A0's entry distribution and scale. Memory O(W·m + C·m·n), independent of the samples seen.
 * The candidates run on the context's threads, each decoding its window in one oracle call (one p_z
 * screen per round); results do not depend on the thread count. Checkpoint state: the base state,
 * the window and the candidates. Stateful; not thread-safe.
 *
 * @since 0.1
 */
public final class RestartLearner extends GenerativeLearner {
    /**
     * @param restarts candidate dictionaries C (≥ 1)
     * @param window   samples kept, W (≥ 1)
     * @param rounds   decode-whiten-fit rounds per batch and candidate, R (≥ 1)
     */
    public record Options(int restarts, int window, int rounds) {
        /** Checks the ranges. */
        public Options {
            Checks.parameter(restarts >= 1, "restarts = " + restarts + ", expected >= 1");
            Checks.parameter(window >= 1, "window = " + window + ", expected >= 1");
            Checks.parameter(rounds >= 1, "rounds = " + rounds + ", expected >= 1");
        }
    }

    private static final int MOMENT_SAMPLES = 10_000;
    private static final double RIDGE = 1e-8;
    private static final String WINDOW = "window";
    private static final String CANDIDATES = "candidates";
    private final Options options;
    private final ChunkedDecoder decoder;
    private final Workers workers;
    private final DMatrixRMaj priorMoment;
    private final DMatrixRMaj priorRoot;
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
        this.priorMoment = priorMoment(startRng.split());
        this.priorRoot = symmetricPower(priorMoment, 0.5);
        this.window = new DMatrixRMaj(0, a.numRows);
        candidates.add(a.copy());
        for (int c = 1; c < options.restarts(); c++) {
            candidates.add(shuffled(a, startRng.split()));
        }
    }

    @Override
    protected double fitBatch(DMatrixRMaj y, int batch) {
        DMatrixRMaj yw = appended(window, y, options.window());
        SplittableRandom rng = batchRng(batch);
        int count = candidates.size();
        SplittableRandom[] streams = new SplittableRandom[count];
        for (int c = 0; c < count; c++) {
            streams[c] = rng.split();
        }
        DMatrixRMaj[] fitted = new DMatrixRMaj[count];
        double[] fits = new double[count];
        workers.run(count, c -> {
            fitted[c] = candidates.get(c).copy();
            fits[c] = rounds(fitted[c], yw, streams[c], batch, c);
        }, "restart");
        int best = 0;
        for (int c = 1; c < count; c++) {
            if (fits[c] < fits[best]) {
                best = c;
            }
        }
        window = yw;
        for (int c = 0; c < count; c++) {
            candidates.get(c).setTo(fitted[c]);
        }
        a.setTo(candidates.get(best));
        return fits[best];
    }

    /**
     * Runs the decode-whiten-fit rounds of one candidate on the window.
     *
     * @param ac        the candidate's dictionary, updated in place
     * @param yw        W×m window. Not modified.
     * @param stream    the candidate's random stream for this batch
     * @param batch     batch index, for messages
     * @param candidate candidate index, for messages
     * @return the window error of the last fit
     */
    private double rounds(DMatrixRMaj ac, DMatrixRMaj yw, SplittableRandom stream, int batch, int candidate) {
        DMatrixRMaj x = new DMatrixRMaj(yw.numRows, prior.outputDim());
        double fit = Double.NaN;
        for (int round = 1; round <= options.rounds(); round++) {
            DecodeResult r = decoder.decode(ac, prior, yw, stream.split());
            if (!finite(r.z())) {
                throw nonFinite(batch, "decode (candidate " + candidate + ", round " + round + ")");
            }
            DMatrixRMaj z = whitened(r.z());
            prior.forward(z, x);
            fit = leastSquares(yw, x, ac, RIDGE);
            if (!finite(ac) || !Double.isFinite(fit)) {
                throw nonFinite(batch, "update (candidate " + candidate + ", round " + round + ")");
            }
        }
        return fit;
    }

    /**
     * @return Ẑ·Ĉ^{-1/2}·C_p^{1/2} (a new B×k matrix) when the codes' second moment Ĉ departs from
     * p_z's by more than sampling noise, ‖Ĉ − C_p‖_F &gt; √((k + 1)/B)·‖C_p‖_F (about one standard
     * deviation for B draws of N(0, I_k); a 3σ gate let codes stay collapsed and raised the test error
     * on dependencies from 0.40 to 0.52); else Ẑ itself, so that a dictionary whose codes already
     * follow p_z stays a fixed point
     */
    private DMatrixRMaj whitened(DMatrixRMaj z) {
        int k = z.numCols;
        DMatrixRMaj moment = new DMatrixRMaj(k, k);
        Kernels.get().gemm(true, false, 1.0 / z.numRows, z, z, 0, moment);
        double gap = 0;
        for (int i = 0; i < k * k; i++) {
            double d = moment.data[i] - priorMoment.data[i];
            gap += d * d;
        }
        if (Math.sqrt(gap) <= Math.sqrt((k + 1.0) / z.numRows) * NormOps_DDRM.normF(priorMoment)) {
            return z;
        }
        DMatrixRMaj t = new DMatrixRMaj(k, k);
        CommonOps_DDRM.mult(symmetricPower(moment, -0.5), priorRoot, t);
        DMatrixRMaj out = new DMatrixRMaj(z.numRows, k);
        Kernels.get().gemm(false, false, 1, z, t, 0, out);
        return out;
    }

    /**
     * Sets {@code ac} to argmin ‖Y − X·Aᵀ‖²_F + λ‖A‖²_F, λ = ρ·tr(XᵀX)/n.
     *
     * @param y     B×m samples. Not modified.
     * @param x     B×n features of the samples. Not modified.
     * @param ac    m×n, overwritten with the fit
     * @param ridge relative ridge ρ
     * @return the mean squared residual ‖Y − X·A_cᵀ‖²_F / B
     */
    static double leastSquares(DMatrixRMaj y, DMatrixRMaj x, DMatrixRMaj ac, double ridge) {
        MatrixKernels kern = Kernels.get();
        int n = x.numCols;
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        kern.gemm(true, false, 1, x, x, 0, s);
        double lambda = Math.max(ridge * CommonOps_DDRM.trace(s) / n, Double.MIN_NORMAL);
        for (int i = 0; i < n; i++) {
            s.data[i * n + i] += lambda;
        }
        DMatrixRMaj xty = new DMatrixRMaj(n, y.numCols);
        kern.gemm(true, false, 1, x, y, 0, xty);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
        if (!solver.setA(s)) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE,
                    "least-squares fit: the " + n + "x" + n + " Gram matrix of G(Z) is not positive definite");
        }
        DMatrixRMaj at = new DMatrixRMaj(n, y.numCols);
        solver.solve(xty, at);
        CommonOps_DDRM.transpose(at, ac);
        DMatrixRMaj r = y.copy();
        kern.gemm(false, true, -1, x, ac, 1, r);
        return kern.dot(r.data.length, r.data, 0, r.data, 0) / y.numRows;
    }

    /** @return C_p = E[zzᵀ] under p_z (k×k), from {@value #MOMENT_SAMPLES} draws */
    private DMatrixRMaj priorMoment(SplittableRandom rng) {
        int k = prior.latentDim();
        DMatrixRMaj z = new DMatrixRMaj(MOMENT_SAMPLES, k);
        prior.latentDistribution().sample(rng, z);
        DMatrixRMaj moment = new DMatrixRMaj(k, k);
        Kernels.get().gemm(true, false, 1.0 / MOMENT_SAMPLES, z, z, 0, moment);
        return moment;
    }

    /** @return S^p for a symmetric positive semi-definite S, eigenvalues floored at 1e-12 of the largest */
    private static DMatrixRMaj symmetricPower(DMatrixRMaj s, double p) {
        int k = s.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(s.copy())) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "code whitening: eigen-decomposition of a " + k + "x" + k + " moment failed");
        }
        double max = 0;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, eig.getEigenvalue(j).real);
        }
        double floor = Math.max(max * 1e-12, Double.MIN_NORMAL);
        DMatrixRMaj out = new DMatrixRMaj(k, k);
        for (int j = 0; j < k; j++) {
            DMatrixRMaj v = eig.getEigenVector(j);
            double w = Math.pow(Math.max(eig.getEigenvalue(j).real, floor), p);
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    out.data[r * k + c] += w * v.data[r] * v.data[c];
                }
            }
        }
        return out;
    }

    /** @return the last {@code capacity} rows of [window; y] */
    static DMatrixRMaj appended(DMatrixRMaj window, DMatrixRMaj y, int capacity) {
        int m = y.numCols;
        int total = window.numRows + y.numRows;
        int keep = Math.min(total, capacity);
        DMatrixRMaj out = new DMatrixRMaj(keep, m);
        int fromWindow = Math.max(0, keep - y.numRows);
        System.arraycopy(window.data, (window.numRows - fromWindow) * m, out.data, 0, fromWindow * m);
        int fromY = keep - fromWindow;
        System.arraycopy(y.data, (y.numRows - fromY) * m, out.data, fromWindow * m, fromY * m);
        return out;
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
        Checks.shape(name + " state '" + CANDIDATES + "'", stacked, candidates.size() * m, a.numCols);
        Checks.finite(name + " state '" + CANDIDATES + "'", stacked);
        super.restore(state);
        window = savedWindow.copy();
        for (int c = 0; c < candidates.size(); c++) {
            CommonOps_DDRM.extract(stacked, c * m, (c + 1) * m, 0, a.numCols, candidates.get(c), 0, 0);
        }
    }
}
