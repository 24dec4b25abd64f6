package io.gendict.theory.estimate;

import io.gendict.core.contract.ContractViolation;
import io.gendict.core.contract.PriorChecks;
import io.gendict.core.spi.GenerativePrior;

import java.util.SplittableRandom;

/**
 * Runs the cheap part of the prior contract ({@link PriorChecks}) on a prior: at each of
 * {@link #POINTS} latent points the VJP is compared with central finite differences (points drawn
 * from p_z and moved by 0.3·N(0, 1)), and a batch of 4 latents scaled by 0.5 to 3 (inside the
 * prior's radius) gives finite outputs and VJPs. The first violation is reported, not thrown.
 *
 * @since 0.1
 */
public final class PriorContractEstimator {
    /** Latent points tried per check. */
    public static final int POINTS = 8;
    /** The condition's name in reports. */
    public static final String CONDITION = "Prior contract (VJP and finite outputs)";

    private PriorContractEstimator() {
    }

    /**
     * @param prior the prior
     * @param rng   draws the points' seeds. Modified.
     * @return which checks passed, and the first failure
     */
    public static PriorContractEstimate estimate(GenerativePrior prior, SplittableRandom rng) {
        String failure = null;
        for (int i = 0; i < POINTS && failure == null; i++) {
            long seed = rng.nextLong();
            try {
                PriorChecks.vjpMatchesFiniteDifferences(prior, seed, 0.3);
                PriorChecks.finiteWithinRadius(prior, seed, 4, 0.5 + 2.5 * i / (POINTS - 1));
            } catch (ContractViolation e) {
                failure = e.getMessage();
            }
        }
        String explanation = failure == null
                ? "At " + POINTS + " latent points the VJP agrees with central finite differences to relative error "
                        + PriorChecks.FD_TOLERANCE + ", and outputs and VJPs are finite for latents scaled up to 3×."
                : failure;
        return new PriorContractEstimate(CONDITION, POINTS, failure, failure == null, POINTS,
                "A sample of points: a passing prior can still fail elsewhere; its plugin's tests should run the full "
                        + "contract suite (gendict-testkit's PriorContract).", explanation);
    }
}
