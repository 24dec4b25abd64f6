package io.gendict.theory.estimate;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Estimates C* = E[G(z)G(z)ᵀ] by Monte Carlo, its spectrum and rank, ν for an inverse estimate and the
 * Assumption 6 expression (docs/algorithms.md §2.4, §4.4). Ĉ = XᵀX/N is accumulated in chunks; its inverse
 * comes from the symmetric eigendecomposition, ridge-regularised with λ = 10⁻⁸·tr(Ĉ)/n when the
 * condition number exceeds 10¹². ν̂ compares the inverse with one from 10·N fresh samples, which
 * underestimates ν because the reference is itself noisy. A singular C* (dead ReLU outputs, outputs in a
 * k-dimensional subspace) is reported, not thrown.
 *
 * @since 0.1
 */
public final class SecondMomentEstimator {
    private static final int CHUNK = 1024;
    private static final double MAX_CONDITION = 1e12;
    private static final double RANK_TOL = 1e-10;

    private SecondMomentEstimator() {
    }

    /**
     * @param prior       the generative prior
     * @param cInverse    n×n inverse estimate whose ν is wanted (e.g. the one a learner uses), or null for
     *                    Ĉ_N⁻¹. Not modified.
     * @param outputBound R for Assumption 6 (e.g. {@link OutputBoundEstimate#max()})
     * @param settings    the sample count N_mc = {@code momentSamples} (§2.4 suggests max(10n, 10⁴)) and the
     *                    latent radius
     * @param rng         source of randomness. Modified (advanced).
     * @return the estimate
     * @throws GendictException INVALID_INPUT when {@code cInverse} is not n×n or not finite
     */
    public static SecondMomentEstimate estimate(GenerativePrior prior, DMatrixRMaj cInverse, double outputBound,
                                                CheckSettings settings, SplittableRandom rng) {
        int n = prior.outputDim();
        if (cInverse != null) {
            Checks.shape("C⁻¹", cInverse, n, n);
            Checks.finite("C⁻¹", cInverse);
        }
        int count = settings.momentSamples();
        double radius = Latents.radius(prior, settings);
        Spectrum c = Spectrum.of(moment(prior, count, radius, rng));
        boolean fullRank = c.rank == n;
        DMatrixRMaj inverse = cInverse != null ? cInverse : c.inverse();
        double inverseNorm = NormOps_DDRM.normP2(inverse);
        double nu = Double.NaN;
        int refCount = 10 * count;
        if (fullRank) {
            Spectrum ref = Spectrum.of(moment(prior, refCount, radius, rng));
            DMatrixRMaj diff = new DMatrixRMaj(n, n);
            CommonOps_DDRM.subtract(inverse, ref.inverse(), diff);
            nu = NormOps_DDRM.normP2(diff);
        }
        double nuPart = nu * c.max;
        double rPart = 10.0 * n * inverseNorm * outputBound * outputBound;
        boolean holds = fullRank && c.condition <= MAX_CONDITION;
        String confidence = "Monte-Carlo estimate from " + count + " latents; ν̂ against a " + refCount
                + "-sample reference underestimates ν (the reference is itself noisy)";
        String explanation = String.format(Locale.ROOT,
                "Assumption 5: Ĉ (%d×%d) has λ_min = %s, λ_max = %s, condition number %s, rank %d. %s "
                        + "ν̂ = %s for %s C⁻¹ (‖C⁻¹‖ = %s, %s). "
                        + "Assumption 6 as read: ν‖C*‖ + 10n‖C⁻¹‖R² = %s + %s = %s "
                        + "with R = %s; as read it can never be ≤ 1 (a factor was probably lost in the OCR), so it is "
                        + "reported, not used as a gate.",
                n, n, Latents.fmt(c.min), Latents.fmt(c.max), Latents.fmt(c.condition), c.rank,
                holds ? "Holds: C* is invertible."
                        : fullRank ? "Fails: C* is numerically singular (condition number above 1e12)."
                        : "Fails: C* is singular (rank " + c.rank + " < n = " + n + "): outputs lie in a subspace "
                        + "(or some outputs are dead), A* is identifiable only on that range and ν is undefined.",
                Latents.fmt(nu), cInverse != null ? "the given" : "the estimated", Latents.fmt(inverseNorm),
                c.method, Latents.fmt(nuPart), Latents.fmt(rPart), Latents.fmt(nuPart + rPart),
                Latents.fmt(outputBound));
        return new SecondMomentEstimate("Assumptions 5–6 (second moment)", c.min, c.max, c.condition, c.rank, n,
                c.method, cInverse != null, inverseNorm, nu, outputBound, nuPart + rPart, nuPart, rPart,
                fullRank ? refCount : 0, holds, count, confidence, explanation);
    }

    /** @return Ĉ = XᵀX/N over {@code count} fresh latents, accumulated in chunks */
    private static DMatrixRMaj moment(GenerativePrior prior, int count, double radius, SplittableRandom rng) {
        int n = prior.outputDim();
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        for (int start = 0; start < count; start += CHUNK) {
            int b = Math.min(CHUNK, count - start);
            DMatrixRMaj x = Latents.forward(prior, Latents.sample(prior, rng, b, radius));
            Kernels.get().gemm(true, false, 1.0 / count, x, x, 1, c);
        }
        return c;
    }

    /** Eigendecomposition of a symmetric PSD matrix with its rank, condition number and (ridge) inverse. */
    private static final class Spectrum {
        final double[] values;
        final DMatrixRMaj vectors;
        final double min;
        final double max;
        final double condition;
        final int rank;
        final double ridge;
        final String method;

        private Spectrum(double[] values, DMatrixRMaj vectors, double trace) {
            int n = values.length;
            this.values = values;
            this.vectors = vectors;
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (double v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            int r = 0;
            for (double v : values) {
                r += v > RANK_TOL * hi ? 1 : 0;
            }
            this.min = lo;
            this.max = hi;
            this.rank = r;
            this.condition = lo > 0 ? hi / lo : Double.POSITIVE_INFINITY;
            this.ridge = condition > MAX_CONDITION ? 1e-8 * trace / n : 0;
            this.method = ridge == 0 ? "exact inverse" : "ridge inverse (Ĉ + λI)⁻¹, λ = " + Latents.fmt(ridge);
        }

        static Spectrum of(DMatrixRMaj c) {
            int n = c.numRows;
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
            if (!eig.decompose(c.copy())) {
                throw new GendictException(ErrorKind.NUMERICAL_FAILURE,
                        "second moment Ĉ (" + n + "×" + n + "): eigendecomposition did not converge");
            }
            double[] values = new double[n];
            DMatrixRMaj vectors = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                values[i] = eig.getEigenvalue(i).real;
                DMatrixRMaj v = eig.getEigenVector(i);
                for (int j = 0; j < n; j++) {
                    vectors.data[j * n + i] = v.data[j];
                }
            }
            return new Spectrum(values, vectors, CommonOps_DDRM.trace(c));
        }

        /** @return V·diag(1/(λ_i + ridge))·Vᵀ */
        DMatrixRMaj inverse() {
            int n = values.length;
            DMatrixRMaj scaled = vectors.copy();
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    scaled.data[j * n + i] /= values[i] + ridge;
                }
            }
            DMatrixRMaj out = new DMatrixRMaj(n, n);
            Kernels.get().gemm(false, true, 1, scaled, vectors, 0, out);
            return out;
        }
    }
}
