package io.gendict.theory.estimate;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Estimates the RRIC constant ε of a dictionary A for a prior G (docs/algorithms.md §4.2): N random
 * quadruples (z1, z2, z3, z4) and N u = v cases (half random pairs, half tangent pairs), latents
 * radially clipped to the latent ball; the statistic |ûᵀ(AᵀA − I)v̂| with u = G(z1) − G(z2),
 * v = G(z3) − G(z4); the worst samples refined by projected gradient ascent over all four latents
 * ({@link LatentAscent}), then the exact maximum ‖U_zᵀ(AᵀA − I)U_z‖ over the tangent space range(J_G(z))
 * at each refined latent (attained in the limit of pairs shrinking onto z); and the span bound
 * ‖Uᵀ(AᵀA − I)U‖ = max_i |σ_i(A·U)² − 1| (1 when rank U &gt; m).
 * Also Theorem A.9's constant for a perturbed dictionary.
 *
 * @since 0.1
 */
public final class RricEstimator {
    private RricEstimator() {
    }

    /**
     * @param prior    the generative prior G: R^k → R^n
     * @param a        m×n dictionary. Not modified.
     * @param settings sample sizes and the RRIC threshold
     * @param rng      source of randomness. Modified (advanced).
     * @return the estimate
     * @throws GendictException INVALID_INPUT when A is not m×n or not finite, or G is constant on the samples
     */
    public static RricEstimate estimate(GenerativePrior prior, DMatrixRMaj a, CheckSettings settings,
                                        SplittableRandom rng) {
        int n = prior.outputDim();
        int k = prior.latentDim();
        Checks.shape("dictionary A", a, -1, n);
        Checks.finite("dictionary A", a);
        int count = settings.pairs();
        int half = count / 2;
        double radius = Latents.radius(prior, settings);
        DMatrixRMaj z1 = Latents.sample(prior, rng, count, radius);
        DMatrixRMaj z2 = Latents.sample(prior, rng, count, radius);
        DMatrixRMaj z3 = Latents.sample(prior, rng, count, radius);
        DMatrixRMaj z4 = Latents.sample(prior, rng, count, radius);
        DMatrixRMaj e1 = Latents.sample(prior, rng, count, radius);
        DMatrixRMaj e2 = Latents.sample(prior, rng, half, radius);
        double scale = PairDifferences.latentScale(e1, radius);
        DMatrixRMaj tangentBase = CommonOps_DDRM.extract(e1, half, count, 0, k);
        e2 = CommonOps_DDRM.concatRowsMulti(e2,
                PairDifferences.tangentPartners(tangentBase, rng, 1e-3 * scale, radius));
        DMatrixRMaj p1 = CommonOps_DDRM.concatRowsMulti(z1, e1);
        DMatrixRMaj p2 = CommonOps_DDRM.concatRowsMulti(z2, e2);
        DMatrixRMaj p3 = CommonOps_DDRM.concatRowsMulti(z3, e1);
        DMatrixRMaj p4 = CommonOps_DDRM.concatRowsMulti(z4, e2);
        PairDifferences u = PairDifferences.of(prior, p1, p2, a);
        PairDifferences v = PairDifferences.of(prior, p3, p4, a);

        int total = 2 * count;
        int m = a.numRows;
        MatrixKernels kern = Kernels.get();
        double[] stats = new double[total];
        int skipped = 0;
        for (int i = 0; i < total; i++) {
            if (u.norms[i] < PairDifferences.MIN_NORM || v.norms[i] < PairDifferences.MIN_NORM) {
                stats[i] = Double.NaN;
                skipped++;
            } else {
                double s = kern.dot(m, u.au.data, i * m, v.au.data, i * m) - kern.dot(n, u.u.data, i * n, v.u.data, i * n);
                stats[i] = Math.abs(s) / (u.norms[i] * v.norms[i]);
            }
        }
        double[] valid = Arrays.stream(stats).filter(s -> !Double.isNaN(s)).toArray();
        if (valid.length == 0) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "RRIC: all " + total
                + " sampled differences G(z1) − G(z2) are below 1e-12; expected a non-constant prior");
        }
        Arrays.sort(valid);
        double sampled = valid[valid.length - 1];

        int[] worst = IntStream.range(0, total).filter(i -> !Double.isNaN(stats[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> -stats[i])).limit(settings.refineStarts())
                .mapToInt(Integer::intValue).toArray();
        double epsilon = sampled;
        double tangentEpsilon = 0;
        for (int i : worst) {
            DMatrixRMaj start = new DMatrixRMaj(4, k);
            DMatrixRMaj[] parts = {p1, p2, p3, p4};
            for (int r = 0; r < 4; r++) {
                System.arraycopy(parts[r].data, i * k, start.data, r * k, k);
            }
            LatentAscent.Result res = LatentAscent.maximize(prior, start, new Deviation(a), radius, 0.1 * scale,
                    settings.refineIterations());
            if (!Double.isNaN(res.value())) {
                epsilon = Math.max(epsilon, res.value());
            }
            for (int r = 0; r < 4; r++) {
                double[] z = Arrays.copyOfRange(res.z().data, r * k, (r + 1) * k);
                tangentEpsilon = Math.max(tangentEpsilon, maxDeviation(a, PairDifferences.tangentBasis(prior, z)));
            }
        }
        epsilon = Math.max(epsilon, tangentEpsilon);

        DMatrixRMaj basis = PairDifferences.spanBasis(CommonOps_DDRM.concatRowsMulti(u.u, v.u),
                concat(u.norms, v.norms));
        double spanBound = maxDeviation(a, basis);
        boolean holds = epsilon <= settings.rricThreshold();
        double impliedGamma = epsilon < 1 ? Math.sqrt(1 - epsilon) : Double.NaN;
        String restriction = Latents.describe(prior, radius);
        String confidence = "ε̂ is a sampled maximum, so it can only underestimate the true ε; "
                + (basis.numCols == n
                ? "the differences span R^n, so the span bound " + Latents.fmt(spanBound) + " is a certified upper bound"
                : "the span bound " + Latents.fmt(spanBound) + " over the rank-" + basis.numCols
                + " span is an upper bound only if all differences lie in that span");
        String explanation = String.format(Locale.ROOT,
                "RRIC: max |ûᵀ(AᵀA − I)v̂| = %s (sampled %s; refined %d worst samples, tangent spaces there %s), "
                        + "median %s, span bound %s; "
                        + "implied S-REC γ = √(1 − ε) = %s. %s ε̂ %s threshold %s. The RRIC is meant for "
                        + "near-isometries (N(0, 1/m) entries); it is not scale invariant. Latents: %s.",
                Latents.fmt(epsilon), Latents.fmt(sampled), worst.length, Latents.fmt(tangentEpsilon),
                Latents.fmt(Latents.sortedQuantile(valid, 0.5)),
                Latents.fmt(spanBound), Latents.fmt(impliedGamma), holds ? "Holds:" : "Fails:", holds ? "≤" : ">",
                Latents.fmt(settings.rricThreshold()), restriction);
        return new RricEstimate("RRIC (Theorem 5.3)", epsilon, sampled, tangentEpsilon, Latents.sortedQuantile(valid, 0.95),
                Latents.sortedQuantile(valid, 0.5), spanBound, basis.numCols, impliedGamma, count, count,
                worst.length, settings.rricThreshold(), restriction, holds, total - skipped, confidence, explanation);
    }

    /**
     * Theorem A.9: if (A*, G) satisfies the RRIC with ε, then A does with
     * ε' = ε + 2‖A* − A‖·‖A*‖ + ‖A* − A‖² (spectral norms).
     *
     * @param epsilon RRIC constant of A*
     * @param a       m×n perturbed dictionary. Not modified.
     * @param aStar   m×n reference dictionary. Not modified.
     * @return ε'
     */
    public static double perturbedConstant(double epsilon, DMatrixRMaj a, DMatrixRMaj aStar) {
        Checks.shape("dictionary A", a, aStar.numRows, aStar.numCols);
        DMatrixRMaj diff = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(aStar, a, diff);
        double d = NormOps_DDRM.normP2(diff);
        return epsilon + 2 * d * NormOps_DDRM.normP2(aStar) + d * d;
    }

    /**
     * @return ‖Uᵀ(AᵀA − I)U‖ = max_i |σ_i(A·U)² − 1| over the orthonormal n×r {@code basis}, with 1 when
     *         r &gt; m (A·U then has a kernel); 0 when r = 0
     */
    private static double maxDeviation(DMatrixRMaj a, DMatrixRMaj basis) {
        double max = basis.numCols > a.numRows ? 1 : 0;
        for (double s : PairDifferences.restrictedSingularValues(a, basis)) {
            max = Math.max(max, Math.abs(s * s - 1));
        }
        return max;
    }

    private static double[] concat(double[] x, double[] y) {
        double[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    /** |ûᵀ(AᵀA − I)v̂| with u = x_0 − x_1, v = x_2 − x_3, and its gradient in X. */
    static final class Deviation implements LatentAscent.Objective {
        private final DMatrixRMaj a;
        private final double[] u;
        private final double[] v;
        private final double[] au;
        private final double[] av;
        private final double[] bu;
        private final double[] bv;

        Deviation(DMatrixRMaj a) {
            this.a = a;
            int n = a.numCols;
            u = new double[n];
            v = new double[n];
            bu = new double[n];
            bv = new double[n];
            au = new double[a.numRows];
            av = new double[a.numRows];
        }

        @Override
        public double value(DMatrixRMaj x, DMatrixRMaj grad) {
            int n = a.numCols;
            for (int j = 0; j < n; j++) {
                u[j] = x.data[j] - x.data[n + j];
                v[j] = x.data[2 * n + j] - x.data[3 * n + j];
            }
            double nu = Latents.norm(u, 0, n);
            double nv = Latents.norm(v, 0, n);
            if (nu < PairDifferences.MIN_NORM || nv < PairDifferences.MIN_NORM) {
                return Double.NaN;
            }
            MatrixKernels kern = Kernels.get();
            kern.gemv(false, 1, a, u, 0, au);
            kern.gemv(false, 1, a, v, 0, av);
            kern.gemv(true, 1, a, au, 0, bu);
            kern.gemv(true, 1, a, av, 0, bv);
            kern.axpy(n, -1, u, 0, bu, 0);
            kern.axpy(n, -1, v, 0, bv, 0);
            double f = kern.dot(n, u, 0, bv, 0) / (nu * nv);
            double sign = f >= 0 ? 1 : -1;
            for (int j = 0; j < n; j++) {
                double gu = sign * (bv[j] / (nu * nv) - f * u[j] / (nu * nu));
                double gv = sign * (bu[j] / (nu * nv) - f * v[j] / (nv * nv));
                grad.data[j] = gu;
                grad.data[n + j] = -gu;
                grad.data[2 * n + j] = gv;
                grad.data[3 * n + j] = -gv;
            }
            return Math.abs(f);
        }
    }
}
