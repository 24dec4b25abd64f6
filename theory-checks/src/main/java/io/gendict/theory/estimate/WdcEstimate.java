package io.gendict.theory.estimate;

/**
 * Result of {@link WdcEstimator} for one layer: the WDC constant ε of a weight matrix W (n×k)
 * (docs/algorithms.md §4.3), ‖Σ_i 1[⟨w_i,x⟩ &gt; 0]1[⟨w_i,y⟩ &gt; 0] w_i w_iᵀ − Q_{x,y}‖ ≤ ε for all x, y ≠ 0.
 *
 * @param condition        {@code "WDC (layer i)"}
 * @param layer            1-based layer index
 * @param rows             n, the layer's output width
 * @param cols             k, the layer's input width
 * @param epsilon          ε̂ after rescaling the rows so that mean ‖w_i‖² = k/n (the verdict uses it)
 * @param epsilonAsGiven   ε̂ for W as given, over the sampled pairs and the refined worst pairs
 * @param rowScale         the factor c applied to W for {@code epsilon}
 * @param sampledEpsilon   rescaled ε̂ over the sampled pairs, before hill-climbing
 * @param referenceScale   √(k log n / n), the rate at which ε̂ should shrink for Gaussian layers
 * @param randomPairs      pairs uniform on the sphere
 * @param specialPairs     near-equal, near-opposite and x = y pairs
 * @param refined          worst pairs refined by hill-climbing
 * @param threshold        the threshold the rescaled ε̂ must not exceed
 * @param holds            rescaled ε̂ ≤ threshold
 * @param sampleCount      pairs evaluated, refinement steps included
 * @param confidence       how far to trust ε̂
 * @param explanation      the numbers in words
 * @since 0.1
 */
public record WdcEstimate(String condition, int layer, int rows, int cols, double epsilon, double epsilonAsGiven,
                          double rowScale, double sampledEpsilon, double referenceScale, int randomPairs,
                          int specialPairs, int refined, double threshold, boolean holds, int sampleCount,
                          String confidence, String explanation) implements CheckResult {
}
