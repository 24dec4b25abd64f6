package io.gendict.theory.estimate;

import io.gendict.core.error.Checks;

/**
 * Sample sizes and thresholds shared by the estimators (docs/algorithms.md §4). Immutable; validated on
 * construction.
 *
 * @param seed              root seed; each estimator of a {@link TheoryReport} gets its own split
 * @param pairs             N: random latent pairs (S-REC), quadruples (RRIC) or direction pairs (WDC);
 *                          each estimator adds its own tangent, equal or near-equal cases
 * @param refineStarts      worst samples refined by local optimisation
 * @param refineIterations  optimisation steps per refined sample
 * @param outputSamples     latents drawn for the output bound R (Assumption 1)
 * @param momentSamples     latents N_mc for C* (Assumption 5); the ν reference uses 10·N_mc
 * @param latentRadius      radius R of the latent ball the pairs are restricted to (radial clipping);
 *                          NaN means the prior's own radius, or no restriction when it has none
 * @param gammaThreshold    the S-REC holds when γ̂ exceeds it
 * @param rricThreshold     the RRIC holds when ε̂ is at most this
 * @param wdcThreshold      a layer satisfies the WDC when its rescaled ε̂ is at most this
 * @since 0.1
 */
public record CheckSettings(long seed, int pairs, int refineStarts, int refineIterations, int outputSamples,
                            int momentSamples, double latentRadius, double gammaThreshold,
                            double rricThreshold, double wdcThreshold) {

    /** Validates every field. */
    public CheckSettings {
        Checks.parameter(pairs >= 10, "pairs: expected ≥ 10, got " + pairs);
        Checks.parameter(refineStarts >= 0, "refineStarts: expected ≥ 0, got " + refineStarts);
        Checks.parameter(refineIterations >= 0, "refineIterations: expected ≥ 0, got " + refineIterations);
        Checks.parameter(outputSamples >= 10, "outputSamples: expected ≥ 10, got " + outputSamples);
        Checks.parameter(momentSamples >= 10, "momentSamples: expected ≥ 10, got " + momentSamples);
        Checks.parameter(Double.isNaN(latentRadius) || latentRadius > 0,
                "latentRadius: expected > 0 or NaN, got " + latentRadius);
        Checks.parameter(gammaThreshold >= 0, "gammaThreshold: expected ≥ 0, got " + gammaThreshold);
        Checks.parameter(rricThreshold >= 0, "rricThreshold: expected ≥ 0, got " + rricThreshold);
        Checks.parameter(wdcThreshold >= 0, "wdcThreshold: expected ≥ 0, got " + wdcThreshold);
    }

    /**
     * The defaults: 2000 pairs, 10 refined starts × 100 steps, 10⁴ output samples, N_mc = 10⁴,
     * the prior's radius, γ threshold 10⁻³, RRIC threshold 0.1, WDC threshold 0.3.
     *
     * @param seed root seed
     * @return the default settings
     */
    public static CheckSettings defaults(long seed) {
        return new CheckSettings(seed, 2000, 10, 100, 10_000, 10_000, Double.NaN, 1e-3, 0.1, 0.3);
    }

    /** @return a copy with another number of pairs */
    public CheckSettings withPairs(int newPairs) {
        return new CheckSettings(seed, newPairs, refineStarts, refineIterations, outputSamples, momentSamples,
                latentRadius, gammaThreshold, rricThreshold, wdcThreshold);
    }

    /** @return a copy with other Monte-Carlo sizes for R and C* */
    public CheckSettings withSamples(int newOutputSamples, int newMomentSamples) {
        return new CheckSettings(seed, pairs, refineStarts, refineIterations, newOutputSamples, newMomentSamples,
                latentRadius, gammaThreshold, rricThreshold, wdcThreshold);
    }

    /** @return a copy restricting latents to the ball of radius {@code radius} */
    public CheckSettings withLatentRadius(double radius) {
        return new CheckSettings(seed, pairs, refineStarts, refineIterations, outputSamples, momentSamples,
                radius, gammaThreshold, rricThreshold, wdcThreshold);
    }
}
