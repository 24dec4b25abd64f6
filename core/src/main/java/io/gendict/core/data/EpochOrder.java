package io.gendict.core.data;

import java.util.SplittableRandom;

/**
 * The order in which a learning run visits the rows of a data set: epoch e is a uniform random
 * permutation (Fisher–Yates) drawn from a stream seeded by (seed, e) alone, so any batch of any
 * epoch can be recomputed from the seed and its index (resumed runs, and distributed runs that must
 * read the same batches as a local one).
 *
 * @since 0.1
 */
public final class EpochOrder {
    private EpochOrder() {
    }

    /**
     * @param seed  the run's root seed
     * @param index an index (epoch, batch)
     * @return a seed derived from both, well mixed
     */
    public static long mix(long seed, long index) {
        return new SplittableRandom(seed ^ (0xBF58476D1CE4E5B9L * (index + 1))).nextLong();
    }

    /**
     * @param seed  the run's root seed
     * @param epoch 0-based epoch
     * @param order overwritten with the rows of that epoch in visiting order (its length is the row count)
     */
    public static void permutation(long seed, long epoch, int[] order) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(mix(seed, epoch));
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
}
