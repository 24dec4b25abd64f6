package io.gendict.theory.estimate;

/**
 * Result of {@link PriorContractEstimator}: the cheap part of the prior contract that a plugin's
 * tests run in full (the {@code gendict-testkit} suite), checked on the prior at hand.
 *
 * @param condition   always {@code "Prior contract (VJP and finite outputs)"}
 * @param points      latent points tried
 * @param failure     the first check that failed, in one line, or {@code null} when all passed
 * @param holds       every check passed
 * @param sampleCount latent points tried
 * @param confidence  how far to trust the result
 * @param explanation the result in words
 * @since 0.1
 */
public record PriorContractEstimate(String condition, int points, String failure, boolean holds, int sampleCount,
                                    String confidence, String explanation) implements CheckResult {
}
