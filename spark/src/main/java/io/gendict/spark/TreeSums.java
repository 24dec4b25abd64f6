package io.gendict.spark;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code treeAggregate} value that makes the reduction of per-partition {@link Sums} independent of
 * the order in which Spark delivers and combines them: partial sums are only ever added along one
 * fixed binary tree over leaf positions (two siblings as soon as both are present, a node without a
 * sibling carried up alone), so the grouping of every floating-point addition, and with it the
 * total, depends on the number of partitions alone: the same seed gives the same dictionary bit for
 * bit. Partition i sits at leaf (i mod g)·⌈P/g⌉ + ⌊i/g⌋, g being the group count of Spark's
 * intermediate tree level, so each intermediate group covers a contiguous range of leaves and is
 * reduced there rather than on the driver.
 */
final class TreeSums implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int INDEX_BITS = 40;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    private final int leaves;
    private final int groups;
    private final TreeMap<Long, Sums> nodes = new TreeMap<>();

    /**
     * @param partitions the number of partitions P
     * @param depth      the {@code treeAggregate} depth
     */
    TreeSums(int partitions, int depth) {
        this.leaves = partitions;
        this.groups = sparkGroups(partitions, depth);
    }

    /** @return the partition count of the last intermediate level Spark's treeAggregate builds, or P */
    private static int sparkGroups(int partitions, int depth) {
        int num = partitions;
        int scale = Math.max((int) Math.ceil(Math.pow(num, 1.0 / depth)), 2);
        while (num > scale + Math.ceil((double) num / scale)) {
            num /= scale;
        }
        return num;
    }

    /**
     * @param partition the partition whose rows {@code sums} holds
     * @param sums      their sums. Taken over (mutated by later additions).
     * @return this
     */
    TreeSums add(int partition, Sums sums) {
        insert(0, (long) (partition % groups) * perGroup() + partition / groups, sums);
        return this;
    }

    /**
     * @param other another partial tree. Its nodes are taken over.
     * @return this
     */
    TreeSums merge(TreeSums other) {
        for (Map.Entry<Long, Sums> e : other.nodes.entrySet()) {
            insert((int) (e.getKey() >>> INDEX_BITS), e.getKey() & INDEX_MASK, e.getValue());
        }
        return this;
    }

    private int perGroup() {
        return (leaves + groups - 1) / groups;
    }

    /** @return the level of the root, the first whose single node covers every leaf position */
    private int rootLevel() {
        long span = (long) groups * perGroup();
        int level = 0;
        while ((1L << level) < span) {
            level++;
        }
        return level;
    }

    /** @return whether a partition sits at a leaf position in [from, to) */
    private boolean occupied(long from, long to) {
        long q = perGroup();
        for (long j = from / q; j < groups && j * q < to; j++) {
            long count = (leaves - j + groups - 1) / groups;
            if (Math.max(from, j * q) < Math.min(to, j * q + count)) {
                return true;
            }
        }
        return false;
    }

    private void insert(int level, long index, Sums sums) {
        int root = rootLevel();
        while (level < root) {
            long sibling = index ^ 1;
            if (!occupied(sibling << level, (sibling + 1) << level)) {
                index >>= 1;
                level++;
                continue;
            }
            Sums other = nodes.remove(key(level, sibling));
            if (other == null) {
                nodes.put(key(level, index), sums);
                return;
            }
            sums = (index & 1) == 0 ? sums.merge(other) : other.merge(sums);
            index >>= 1;
            level++;
        }
        nodes.put(key(level, 0), sums);
    }

    private static long key(int level, long index) {
        return ((long) level << INDEX_BITS) | index;
    }

    /**
     * @return the sum over every partition
     * @throws GendictException NUMERICAL_FAILURE when a partition's sums are missing
     */
    Sums total() {
        if (nodes.size() != 1 || nodes.firstKey() != key(rootLevel(), 0)) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "treeAggregate: " + nodes.size()
                    + " partial sums left, expected the root only (a partition's sums are missing)");
        }
        return nodes.firstEntry().getValue();
    }
}
