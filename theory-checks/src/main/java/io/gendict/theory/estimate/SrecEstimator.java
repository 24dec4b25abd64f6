package io.gendict.theory.estimate;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Estimates the S-REC constants γ, δ of a dictionary A for a prior G (docs/algorithms.md §4.1): N random
 * latent pairs plus N tangent pairs (z2 = z1 + 10⁻³·R·w, w uniform on the sphere), latents radially
 * clipped to the ball of radius R; the ratios r = ‖A u‖/‖u‖, u = G(z1) − G(z2); the worst pairs refined
 * by projected gradient descent on r over (z1, z2) ({@link LatentAscent}), then the exact tangent
 * infimum σ_min(A·U_z) over range(J_G(z)) at both refined endpoints (attained by pairs shrinking onto z,
 * so it is a legitimate value of the ratio's infimum); the δ̂(γ) curve; and σ_min(A·U) over the span
 * of the sampled differences.
 *
 * @since 0.1
 */
public final class SrecEstimator {
    private static final int CURVE_POINTS = 10;

    private SrecEstimator() {
    }

    /**
     * @param prior    the generative prior G: R^k → R^n
     * @param a        m×n dictionary. Not modified.
     * @param settings sample sizes and the γ threshold
     * @param rng      source of randomness. Modified (advanced).
     * @return the estimate
     * @throws GendictException INVALID_INPUT when A is not m×n or not finite, or G is constant on the samples
     */
    public static SrecEstimate estimate(GenerativePrior prior, DMatrixRMaj a, CheckSettings settings,
                                        SplittableRandom rng) {
        int n = prior.outputDim();
        Checks.shape("dictionary A", a, -1, n);
        Checks.finite("dictionary A", a);
        int count = settings.pairs();
        double radius = Latents.radius(prior, settings);
        DMatrixRMaj random1 = Latents.sample(prior, rng, count, radius);
        DMatrixRMaj random2 = Latents.sample(prior, rng, count, radius);
        DMatrixRMaj base = Latents.sample(prior, rng, count, radius);
        double scale = PairDifferences.latentScale(base, radius);
        DMatrixRMaj z1 = CommonOps_DDRM.concatRowsMulti(random1, base);
        DMatrixRMaj z2 = CommonOps_DDRM.concatRowsMulti(random2,
                PairDifferences.tangentPartners(base, rng, 1e-3 * scale, radius));
        PairDifferences pd = PairDifferences.of(prior, z1, z2, a);

        double[] ratios = new double[2 * count];
        int skipped = 0;
        for (int i = 0; i < ratios.length; i++) {
            if (pd.norms[i] < PairDifferences.MIN_NORM) {
                ratios[i] = Double.NaN;
                skipped++;
            } else {
                ratios[i] = Latents.norm(pd.au.data, i * a.numRows, a.numRows) / pd.norms[i];
            }
        }
        double[] valid = Arrays.stream(ratios).filter(r -> !Double.isNaN(r)).toArray();
        if (valid.length == 0) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "S-REC: all " + ratios.length
                + " sampled differences G(z1) − G(z2) are below 1e-12; expected a non-constant prior");
        }
        Arrays.sort(valid);
        double sampledGamma = valid[0];

        int[] worst = IntStream.range(0, ratios.length).filter(i -> !Double.isNaN(ratios[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> ratios[i])).limit(settings.refineStarts())
                .mapToInt(Integer::intValue).toArray();
        List<double[]> refinedNorms = new ArrayList<>();
        double gamma = sampledGamma;
        double tangentGamma = Double.POSITIVE_INFINITY;
        int k = prior.latentDim();
        for (int i : worst) {
            DMatrixRMaj start = new DMatrixRMaj(2, k);
            System.arraycopy(z1.data, i * k, start.data, 0, k);
            System.arraycopy(z2.data, i * k, start.data, k, k);
            LatentAscent.Result res = LatentAscent.maximize(prior, start, new NegativeRatio(a), radius,
                    0.1 * scale, settings.refineIterations());
            PairDifferences best = PairDifferences.of(prior, rowOf(res.z(), 0), rowOf(res.z(), 1), a);
            if (best.norms[0] >= PairDifferences.MIN_NORM) {
                double normAu = Latents.norm(best.au.data, 0, a.numRows);
                refinedNorms.add(new double[] {best.norms[0], normAu});
                gamma = Math.min(gamma, normAu / best.norms[0]);
            }
            for (int r = 0; r < 2; r++) {
                tangentGamma = Math.min(tangentGamma,
                        minRatio(a, PairDifferences.tangentBasis(prior, rowOf(res.z(), r).data)));
            }
        }
        gamma = Math.min(gamma, tangentGamma);

        double medianRatio = Latents.sortedQuantile(valid, 0.5);
        List<SrecEstimate.DeltaPoint> curve = deltaCurve(pd.norms, ratios, refinedNorms, medianRatio, count);

        DMatrixRMaj basis = PairDifferences.spanBasis(pd.u, pd.norms);
        double spanBound = minRatio(a, basis);

        boolean holds = gamma > settings.gammaThreshold();
        int used = ratios.length - skipped;
        String restriction = Latents.describe(prior, radius);
        String confidence = "γ̂ is a sampled minimum, so it can only overestimate the true γ; a fresh random pair "
                + "has ratio below γ̂ with probability ≈ 1/(N+1) = " + Latents.fmt(1.0 / (count + 1))
                + " (N = " + count + "); "
                + (basis.numCols == n
                ? "the differences span R^n, so σ_min(A·U) = " + Latents.fmt(spanBound) + " is a certified lower bound"
                : "σ_min(A·U) = " + Latents.fmt(spanBound) + " over the rank-" + basis.numCols
                + " span is a lower bound only if all differences lie in that span (true when G maps into a subspace)");
        String explanation = String.format(Locale.ROOT,
                "S-REC: min ‖A u‖/‖u‖ = %s (sampled %s; refined %d worst pairs, tangent spaces there %s), "
                        + "median ratio %s, span bound %s; δ̂ at γ = median/2 is %s (%s of the median ‖u‖). "
                        + "%s γ̂ %s threshold %s. Latents: %s.",
                Latents.fmt(gamma), Latents.fmt(sampledGamma), worst.length, Latents.fmt(tangentGamma),
                Latents.fmt(medianRatio),
                Latents.fmt(spanBound), Latents.fmt(curve.get(CURVE_POINTS / 2 - 1).delta()),
                Latents.fmt(curve.get(CURVE_POINTS / 2 - 1).relativeDelta()),
                holds ? "Holds:" : "Fails:", holds ? ">" : "≤", Latents.fmt(settings.gammaThreshold()), restriction);
        return new SrecEstimate("S-REC (Assumption 2)", gamma, sampledGamma, tangentGamma,
                Latents.sortedQuantile(valid, 0.01), Latents.sortedQuantile(valid, 0.05), medianRatio, curve, spanBound,
                basis.numCols, n, count, count,
                skipped, worst.length, settings.gammaThreshold(), restriction, holds, used, confidence, explanation);
    }

    /**
     * δ̂(γ) = max over pairs of max(0, γ‖u‖ − ‖A u‖) for γ = (j/10)·median ratio, j = 1..10
     * (docs/algorithms.md §4.1 step 2), over the sampled pairs (ratio NaN = skipped) and the refined ones
     * ({‖u‖, ‖A u‖}); relative to the median ‖u‖ of the first {@code randomPairs} (random) pairs.
     */
    private static List<SrecEstimate.DeltaPoint> deltaCurve(double[] norms, double[] ratios, List<double[]> refined,
                                                            double medianRatio, int randomPairs) {
        double medianNorm = Latents.quantile(Arrays.stream(norms, 0, randomPairs)
                .filter(v -> v >= PairDifferences.MIN_NORM).toArray(), 0.5);
        List<SrecEstimate.DeltaPoint> curve = new ArrayList<>();
        for (int j = 1; j <= CURVE_POINTS; j++) {
            double g = medianRatio * j / CURVE_POINTS;
            double delta = 0;
            for (int i = 0; i < ratios.length; i++) {
                if (!Double.isNaN(ratios[i])) {
                    delta = Math.max(delta, norms[i] * (g - ratios[i]));
                }
            }
            for (double[] nr : refined) {
                delta = Math.max(delta, g * nr[0] - nr[1]);
            }
            curve.add(new SrecEstimate.DeltaPoint(g, delta, delta / medianNorm));
        }
        return curve;
    }

    /**
     * @return min ‖A u‖/‖u‖ over u in the span of the orthonormal n×r {@code basis}: σ_min(A·U), 0 when
     *         r &gt; m, +∞ when r = 0
     */
    private static double minRatio(DMatrixRMaj a, DMatrixRMaj basis) {
        if (basis.numCols == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (basis.numCols > a.numRows) {
            return 0;
        }
        return Arrays.stream(PairDifferences.restrictedSingularValues(a, basis)).min().orElse(0);
    }

    private static DMatrixRMaj rowOf(DMatrixRMaj z, int row) {
        return new DMatrixRMaj(1, z.numCols, true, Arrays.copyOfRange(z.data, row * z.numCols, (row + 1) * z.numCols));
    }

    /** −‖A u‖/‖u‖ with u = x_0 − x_1, and its gradient in X. */
    static final class NegativeRatio implements LatentAscent.Objective {
        private final DMatrixRMaj a;
        private final double[] u;
        private final double[] au;
        private final double[] atau;

        NegativeRatio(DMatrixRMaj a) {
            this.a = a;
            this.u = new double[a.numCols];
            this.au = new double[a.numRows];
            this.atau = new double[a.numCols];
        }

        @Override
        public double value(DMatrixRMaj x, DMatrixRMaj grad) {
            int n = a.numCols;
            for (int j = 0; j < n; j++) {
                u[j] = x.data[j] - x.data[n + j];
            }
            double nu = Latents.norm(u, 0, n);
            if (nu < PairDifferences.MIN_NORM) {
                return Double.NaN;
            }
            MatrixKernels kern = Kernels.get();
            kern.gemv(false, 1, a, u, 0, au);
            double nau = Latents.norm(au, 0, a.numRows);
            double ratio = nau / nu;
            if (nau == 0) {
                Arrays.fill(grad.data, 0, 2 * n, 0);
                return 0;
            }
            kern.gemv(true, 1, a, au, 0, atau);
            for (int j = 0; j < n; j++) {
                double g = (atau[j] / nau - ratio * u[j] / nu) / nu;
                grad.data[j] = -g;
                grad.data[n + j] = g;
            }
            return -ratio;
        }
    }
}
