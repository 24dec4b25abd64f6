package io.gendict.theory.estimate;

/**
 * Result of {@link RricEstimator}: the RRIC constant ε of a dictionary A for a prior G (docs/algorithms.md
 * §4.2), |⟨A u, A v⟩ − ⟨u, v⟩| ≤ ε‖u‖‖v‖ for all output differences u, v.
 *
 * @param condition     always {@code "RRIC (Theorem 5.3)"}
 * @param epsilon       ε̂: the largest statistic |ûᵀ(AᵀA − I)v̂| found (samples, refinement, tangents)
 * @param sampledEpsilon the largest statistic among the sampled quadruples, before refinement
 * @param tangentEpsilon the largest ‖U_zᵀ(AᵀA − I)U_z‖ over the tangent spaces at the refined latents
 * @param statQ95       95% quantile of the sampled statistics
 * @param statMedian    median of the sampled statistics
 * @param spanBound     ‖Uᵀ(AᵀA − I)U‖, U an orthonormal basis of the span of the sampled differences; an
 *                      upper bound on ε when all differences lie in that span
 * @param spanRank      rank of U
 * @param impliedGamma  √(1 − ε̂), the S-REC γ (δ = 0) the RRIC implies, NaN when ε̂ ≥ 1
 * @param quadruples    random quadruples sampled
 * @param equalPairs    u = v cases sampled (half random pairs, half tangent pairs)
 * @param refined       worst samples refined by {@link LatentAscent}
 * @param threshold     the threshold ε̂ must not exceed
 * @param restriction   how latents were drawn and restricted
 * @param holds         ε̂ ≤ threshold
 * @param sampleCount   samples used (quadruples + equal pairs − skipped)
 * @param confidence    how far to trust ε̂
 * @param explanation   the numbers in words
 * @since 0.1
 */
public record RricEstimate(String condition, double epsilon, double sampledEpsilon, double tangentEpsilon,
                           double statQ95,
                           double statMedian, double spanBound, int spanRank, double impliedGamma, int quadruples,
                           int equalPairs, int refined, double threshold, String restriction, boolean holds,
                           int sampleCount, String confidence, String explanation) implements CheckResult {
}
