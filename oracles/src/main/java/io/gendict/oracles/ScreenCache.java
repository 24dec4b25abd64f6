package io.gendict.oracles;

import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The last screen a {@link ScreenedOracle} drew: L latents z_l from p_z (projected onto the prior's
 * ball, if any) by a generator seeded with one long, and their outputs G(z_l). Calls that bring the
 * same seed, such as the candidates and steps of one training batch, share the draws instead of
 * redrawing them. Memory O(L·(k + n)). Thread-safe; screens are never modified after they are made.
 */
final class ScreenCache {
    /**
     * @param z L×k latents. Do not modify.
     * @param x L×n outputs G(z). Do not modify.
     */
    record Screen(DMatrixRMaj z, DMatrixRMaj x) {
    }

    private record Entry(GenerativePrior prior, long seed, Screen screen) {
    }

    private final AtomicReference<Entry> last = new AtomicReference<>();

    /**
     * @param prior the prior
     * @param seed  seeds the draws
     * @param size  L, the number of draws
     * @return the screen for (prior, seed, L), reused when it is the last one drawn
     */
    Screen get(GenerativePrior prior, long seed, int size) {
        Entry e = last.get();
        if (e != null && e.prior() == prior && e.seed() == seed && e.screen().z().numRows == size) {
            return e.screen();
        }
        Screen drawn = draw(prior, new SplittableRandom(seed), size);
        last.set(new Entry(prior, seed, drawn));
        return drawn;
    }

    /**
     * @param prior the prior
     * @param rng   the draws' source. Modified.
     * @param size  L, the number of draws
     * @return a new screen
     */
    static Screen draw(GenerativePrior prior, SplittableRandom rng, int size) {
        DMatrixRMaj z = LatentStarts.initial(prior, null, size, rng, LatentStarts.radius(0, prior));
        DMatrixRMaj x = new DMatrixRMaj(size, prior.outputDim());
        prior.forward(z, x);
        return new Screen(z, x);
    }
}
