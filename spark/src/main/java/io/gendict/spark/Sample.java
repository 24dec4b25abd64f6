package io.gendict.spark;

import java.io.Serializable;

/**
 * One data row with its position in the data set (file order for .npy shards, row order of the
 * DataFrame otherwise), which is what seeded batch sampling refers to.
 *
 * @param index  0-based position in the data set
 * @param values the m values. Not modified after construction.
 * @since 0.1
 */
public record Sample(long index, double[] values) implements Serializable {
}
