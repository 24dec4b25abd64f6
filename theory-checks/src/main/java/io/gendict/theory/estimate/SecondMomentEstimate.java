package io.gendict.theory.estimate;

/**
 * Result of {@link SecondMomentEstimator}: the second moment C* = E[G(z)G(z)ᵀ], the error ν of an
 * inverse estimate, and the Assumption 6 expression (docs/algorithms.md §1 Assumptions 5–6, §2.4, §4.4).
 *
 * @param condition        always {@code "Assumptions 5–6 (second moment)"}
 * @param lambdaMin        smallest eigenvalue of Ĉ
 * @param lambdaMax        largest eigenvalue of Ĉ
 * @param conditionNumber  λ_max/λ_min (+∞ when λ_min ≤ 0)
 * @param rank             eigenvalues above 10⁻¹⁰·λ_max
 * @param outputDim        n
 * @param inverseMethod    how Ĉ⁻¹ was formed ({@code "exact"} or the ridge used)
 * @param inverseGiven     whether ν refers to a caller-supplied C⁻¹ rather than Ĉ_N⁻¹
 * @param inverseNorm      ‖C⁻¹‖ of the inverse ν refers to
 * @param nu               ν̂ = ‖C⁻¹ − Ĉ_ref⁻¹‖ with a 10× larger reference sample; NaN when C* is singular
 * @param outputBound      the R used in Assumption 6
 * @param assumption6      ν̂‖Ĉ‖ + 10·n·‖C⁻¹‖·R² (the expression as read; see docs/algorithms.md §1)
 * @param assumption6Nu    the part ν̂‖Ĉ‖
 * @param assumption6R     the part 10·n·‖C⁻¹‖·R²
 * @param referenceSamples latents in the reference estimate
 * @param holds            Assumption 5: Ĉ has full rank n and condition number ≤ 10¹²
 * @param sampleCount      latents N_mc in Ĉ
 * @param confidence       how far to trust the numbers
 * @param explanation      the numbers in words
 * @since 0.1
 */
public record SecondMomentEstimate(String condition, double lambdaMin, double lambdaMax, double conditionNumber,
                                   int rank, int outputDim, String inverseMethod, boolean inverseGiven,
                                   double inverseNorm, double nu, double outputBound, double assumption6,
                                   double assumption6Nu, double assumption6R, int referenceSamples, boolean holds,
                                   int sampleCount, String confidence, String explanation) implements CheckResult {
}
