package io.gendict.theory.estimate;

/**
 * The common face of every estimator result: which condition was checked, whether the paper's
 * condition holds by this estimate, how many samples it rests on, how far to trust it, and a
 * human-readable explanation.
 *
 * @since 0.1
 */
public interface CheckResult {
    /** @return the condition checked, e.g. {@code "S-REC (Assumption 2)"} */
    String condition();

    /** @return whether the condition holds according to this estimate and its stated threshold */
    boolean holds();

    /** @return how many random samples (pairs, quadruples, latents, iterations) the estimate uses */
    int sampleCount();

    /** @return the uncertainty of the estimate in words (which way it errs, a confidence statement) */
    String confidence();

    /** @return a short human-readable explanation of the numbers and the verdict */
    String explanation();
}
