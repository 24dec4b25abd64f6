package io.gendict.theory.estimate;

/**
 * Result of {@link OutputBoundEstimator}: the output bound R of Assumption 1, ‖G(z)‖ ≤ R on the
 * latent support (docs/algorithms.md §1, §4.4).
 *
 * @param condition    always {@code "Assumption 1 (bounded outputs)"}
 * @param max          the largest ‖G(z)‖ sampled
 * @param q999         0.999-quantile of ‖G(z)‖
 * @param q99          0.99-quantile of ‖G(z)‖
 * @param median       median of ‖G(z)‖
 * @param latentRadius the latent radius the samples were clipped to (+∞ for none)
 * @param restriction  how latents were drawn and restricted
 * @param holds        the latent support is bounded (so a continuous G has a finite R) and every output is finite
 * @param sampleCount  latents drawn
 * @param confidence   how far to trust the estimate
 * @param explanation  the numbers in words
 * @since 0.1
 */
public record OutputBoundEstimate(String condition, double max, double q999, double q99, double median,
                                  double latentRadius, String restriction, boolean holds, int sampleCount,
                                  String confidence, String explanation) implements CheckResult {
}
