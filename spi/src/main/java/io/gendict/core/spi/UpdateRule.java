package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * A dictionary update: given the current A, a batch Y and X = G(Ẑ), computes the next A.
 * Stateful (an instance belongs to one learning run, not thread-safe). Call order:
 * {@link #start} once, then {@link #update} per batch.
 *
 * @since 0.1
 */
public interface UpdateRule {
    /**
     * Begins a learning run.
     *
     * @param a0    m×n initial dictionary. Not modified.
     * @param prior the prior (e.g. to estimate C⁻¹ by Monte Carlo)
     * @param rng   randomness for such estimates. Modified.
     */
    void start(DMatrixRMaj a0, GenerativePrior prior, SplittableRandom rng);

    /**
     * @param a current m×n dictionary; overwritten with the next one
     * @param y B×m batch. Not modified.
     * @param x B×n prior outputs G(Ẑ) of the decoded batch. Not modified.
     */
    void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x);

    /**
     * The same update, also given the decoded latents, for rules that use the prior's structure
     * (e.g. its {@link GenerativePrior#linearFeatures()}, X = φ(Ẑ)·Mᵀ) to compute it faster. The result
     * must equal {@link #update(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)}'s up to floating-point
     * reassociation; the default calls it.
     *
     * @param a current m×n dictionary; overwritten with the next one
     * @param y B×m batch. Not modified.
     * @param x B×n prior outputs G(Ẑ). Not modified.
     * @param z B×k decoded latents Ẑ. Not modified.
     * @since 0.1
     */
    default void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x, DMatrixRMaj z) {
        update(a, y, x);
    }

    /**
     * @return the rule's whole state (accumulators, optimiser moments) for a checkpoint; empty
     *         when the rule keeps none across batches
     */
    default Map<String, DMatrixRMaj> state() {
        return Map.of();
    }

    /**
     * Restores a state saved by {@link #state()}, after {@link #start}.
     *
     * @param state as saved. Not modified.
     */
    default void restore(Map<String, DMatrixRMaj> state) {
    }
}
