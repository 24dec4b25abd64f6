package io.gendict.theory.estimate;

import java.util.List;

/**
 * Result of {@link SrecEstimator}: the S-REC constants of a dictionary A for a prior G
 * (docs/algorithms.md §1 Assumption 2, §4.1), ‖A(G(z1) − G(z2))‖ ≥ γ‖G(z1) − G(z2)‖ − δ.
 *
 * @param condition      always {@code "S-REC (Assumption 2)"}
 * @param gamma          γ̂ with δ = 0: the smallest ratio ‖A u‖/‖u‖ found (samples, refinement, tangents)
 * @param sampledGamma   the smallest ratio among the sampled pairs, before refinement
 * @param tangentGamma   the smallest σ_min(A·U_z) over the tangent spaces range(J_G(z)) at the refined
 *                       endpoints (+∞ when nothing was refined)
 * @param ratioQ01       1% quantile of the sampled ratios
 * @param ratioQ05       5% quantile of the sampled ratios
 * @param ratioMedian    median of the sampled ratios
 * @param deltaCurve     δ̂(γ) on a grid of γ (fractions 0.1 … 1 of the median ratio)
 * @param spanBound      σ_min(A·U), U an orthonormal basis of the span of the sampled differences
 *                       (0 when rank U exceeds m); a lower bound on γ when G's differences lie in that span
 * @param spanRank       rank of U
 * @param outputDim      n, to tell whether the span is all of R^n
 * @param randomPairs    random pairs sampled
 * @param tangentPairs   tangent pairs z2 = z1 + t·w sampled
 * @param skippedPairs   pairs skipped because ‖u‖ &lt; 10⁻¹²
 * @param refinedPairs   worst pairs refined by {@link LatentAscent}
 * @param gammaThreshold the threshold γ̂ must exceed
 * @param restriction    how latents were drawn and restricted
 * @param holds          γ̂ &gt; gammaThreshold
 * @param sampleCount    pairs used (random + tangent − skipped)
 * @param confidence     how far to trust γ̂
 * @param explanation    the numbers in words
 * @since 0.1
 */
public record SrecEstimate(String condition, double gamma, double sampledGamma, double tangentGamma,
                           double ratioQ01, double ratioQ05, double ratioMedian, List<DeltaPoint> deltaCurve,
                           double spanBound, int spanRank,
                           int outputDim, int randomPairs, int tangentPairs, int skippedPairs, int refinedPairs,
                           double gammaThreshold, String restriction, boolean holds, int sampleCount,
                           String confidence, String explanation) implements CheckResult {

    /**
     * One point of the δ̂(γ) curve.
     *
     * @param gamma         the chosen γ
     * @param delta         δ̂(γ) = max over pairs of max(0, γ‖u‖ − ‖A u‖)
     * @param relativeDelta δ̂(γ) divided by the median ‖u‖ of the random pairs
     */
    public record DeltaPoint(double gamma, double delta, double relativeDelta) {
    }

    /** Defensive copy of the curve. */
    public SrecEstimate {
        deltaCurve = List.copyOf(deltaCurve);
    }
}
