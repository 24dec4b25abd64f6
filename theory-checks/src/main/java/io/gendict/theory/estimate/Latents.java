package io.gendict.theory.estimate;

import io.gendict.core.error.Checks;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LatentDistribution;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/** Latent sampling restricted to a ball, forward passes and sample statistics shared by the estimators. */
final class Latents {
    private Latents() {
    }

    /** @return the radius to restrict latents to: the settings', else the prior's, else +∞ */
    static double radius(GenerativePrior prior, CheckSettings settings) {
        if (!Double.isNaN(settings.latentRadius())) {
            return settings.latentRadius();
        }
        return prior.latentRadius().orElse(Double.POSITIVE_INFINITY);
    }

    /** @return how latents were restricted, for explanations */
    static String describe(GenerativePrior prior, double radius) {
        String law = prior.latentDistribution().describe();
        return Double.isInfinite(radius) ? "z ~ " + law + " (unrestricted)"
                : "z ~ " + law + " radially clipped to ‖z‖ ≤ " + fmt(radius);
    }

    /**
     * Draws {@code count} latents from p_z and clips each radially to the ball of radius {@code radius}.
     *
     * @return count×k latents
     */
    static DMatrixRMaj sample(GenerativePrior prior, SplittableRandom rng, int count, double radius) {
        int k = prior.latentDim();
        DMatrixRMaj z = new DMatrixRMaj(count, k);
        prior.latentDistribution().sample(rng, z);
        for (int b = 0; b < count; b++) {
            clip(z.data, b * k, k, radius);
        }
        return z;
    }

    /** Projects {@code d[off..off+k)} onto the ball of radius {@code radius}. Modifies {@code d}. */
    static void clip(double[] d, int off, int k, double radius) {
        double norm = norm(d, off, k);
        if (norm > radius) {
            double scale = radius / norm;
            for (int i = 0; i < k; i++) {
                d[off + i] *= scale;
            }
        }
    }

    /** @return G(Z), B×n, checked for finiteness */
    static DMatrixRMaj forward(GenerativePrior prior, DMatrixRMaj z) {
        DMatrixRMaj x = new DMatrixRMaj(z.numRows, prior.outputDim());
        prior.forward(z, x);
        Checks.finite("G(z) of prior " + prior.params().provider(), x);
        return x;
    }

    /** @return the ℓ2 norm of {@code d[off..off+len)} */
    static double norm(double[] d, int off, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += d[off + i] * d[off + i];
        }
        return Math.sqrt(s);
    }

    /** @return a uniformly random unit vector of length k */
    static double[] unitVector(SplittableRandom rng, int k) {
        DMatrixRMaj u = new DMatrixRMaj(1, k);
        LatentDistribution.standardNormal().sample(rng, u);
        double n = norm(u.data, 0, k);
        for (int i = 0; i < k; i++) {
            u.data[i] /= n;
        }
        return u.data;
    }

    /** @return the q-quantile (linear interpolation) of {@code values}; a sorted copy is taken */
    static double quantile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        return sortedQuantile(s, q);
    }

    /** @return the q-quantile (linear interpolation) of already sorted values */
    static double sortedQuantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** @return a number with 4 significant digits */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
