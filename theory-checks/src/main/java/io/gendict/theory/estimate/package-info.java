/**
 * Monte-Carlo estimators of the conditions the paper's guarantees rest on (docs/algorithms.md §1, §4):
 * the output bound R (Assumption 1), the S-REC (Assumption 2), the RRIC and the WDC (Theorem 5.3),
 * the second moment C* with ν and the Assumption 6 expression (Assumptions 5, 6), and the fit of a
 * geometric convergence rate with its bias floor (Theorems 5.1, 5.2). Every estimator returns a
 * {@link io.gendict.theory.estimate.CheckResult}; {@link io.gendict.theory.estimate.TheoryReport}
 * runs them all for one prior and dictionary and renders text or JSON. The WDC is checked only for
 * priors that implement {@link io.gendict.core.spi.ReluLayers} (bias-free ReLU networks exposing
 * their weights); every other part works for any {@link io.gendict.core.spi.GenerativePrior}.
 *
 * <p>All estimators are seeded: the same {@link java.util.SplittableRandom} state gives the same
 * result bit for bit. Sampled extrema are optimistic (a sampled minimum is at least the infimum), which
 * is why the S-REC and the RRIC also refine their worst samples by local optimisation and report a
 * bound over the span of the sampled differences.
 */
package io.gendict.theory.estimate;
