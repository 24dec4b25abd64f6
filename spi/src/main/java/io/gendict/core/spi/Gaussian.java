package io.gendict.core.spi;

import java.util.SplittableRandom;

/**
 * Standard normal draws from a {@link SplittableRandom} (Marsaglia's polar method without caching,
 * so each call consumes a deterministic amount of state and draws are reproducible from a seed).
 *
 * @since 0.1
 */
public final class Gaussian {
    private Gaussian() {
    }

    /**
     * @param rng source of randomness. Modified.
     * @return one N(0, 1) draw
     */
    public static double next(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
