package io.gendict.theory.estimate;

import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Estimates the output bound R of Assumption 1 (docs/algorithms.md §4.4): max and high quantiles of
 * ‖G(z)‖ over N latents from p_z, radially clipped to the latent radius when there is one. Latents
 * are drawn and pushed through G in chunks, so memory stays O(chunk·n).
 *
 * @since 0.1
 */
public final class OutputBoundEstimator {
    private static final int CHUNK = 1024;

    private OutputBoundEstimator() {
    }

    /**
     * @param prior    the generative prior
     * @param settings the sample count {@code outputSamples} and the latent radius
     * @param rng      source of randomness. Modified (advanced).
     * @return the estimate
     * @throws io.gendict.core.error.GendictException INVALID_INPUT when G returns a non-finite value
     */
    public static OutputBoundEstimate estimate(GenerativePrior prior, CheckSettings settings, SplittableRandom rng) {
        int count = settings.outputSamples();
        int n = prior.outputDim();
        double radius = Latents.radius(prior, settings);
        double[] norms = new double[count];
        for (int start = 0; start < count; start += CHUNK) {
            int b = Math.min(CHUNK, count - start);
            DMatrixRMaj x = Latents.forward(prior, Latents.sample(prior, rng, b, radius));
            for (int i = 0; i < b; i++) {
                norms[start + i] = Latents.norm(x.data, i * n, n);
            }
        }
        Arrays.sort(norms);
        double max = norms[count - 1];
        double q999 = Latents.sortedQuantile(norms, 0.999);
        boolean bounded = Double.isFinite(radius);
        String restriction = Latents.describe(prior, radius);
        String confidence = "the sampled max underestimates the supremum"
                + (bounded ? "" : "; with unbounded latents ‖G(z)‖ is usually unbounded and the max grows with N");
        String explanation = String.format(Locale.ROOT,
                "Assumption 1: over %d latents (%s) max ‖G(z)‖ = %s, 0.999-quantile %s, 0.99-quantile %s, median %s. %s",
                count, restriction, Latents.fmt(max), Latents.fmt(q999), Latents.fmt(Latents.sortedQuantile(norms, 0.99)),
                Latents.fmt(Latents.sortedQuantile(norms, 0.5)),
                bounded ? "Holds: the latent ball is bounded, R ≈ max."
                        : "Not established: the latent support is unbounded; set a latent radius, or use the "
                        + "0.999-quantile as a practical R.");
        return new OutputBoundEstimate("Assumption 1 (bounded outputs)", max, q999,
                Latents.sortedQuantile(norms, 0.99), Latents.sortedQuantile(norms, 0.5), radius, restriction, bounded,
                count, confidence, explanation);
    }
}
