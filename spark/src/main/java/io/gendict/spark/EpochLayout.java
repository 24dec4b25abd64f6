package io.gendict.spark;

import io.gendict.core.data.EpochOrder;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.util.List;

/**
 * One epoch of a run on the cluster: the rows in the epoch's seeded visiting order
 * ({@link EpochOrder}, the order of {@code gendict learn}), redistributed once (one shuffle per
 * epoch) so that each partition holds whole decode chunks of every batch, sorted by position
 * ({@link ChunkPartitioner}, {@link Block}). A batch is then a position range, read without a scan.
 * The blocks are the one cached copy of the data (in memory, spilled to disk when it does not fit),
 * rebuilt from the source for every epoch and, after a lost executor, from Spark's lineage.
 */
final class EpochLayout {
    private final JavaRDD<Block> blocks;
    private final Broadcast<int[]> positions;

    private EpochLayout(JavaRDD<Block> blocks, Broadcast<int[]> positions) {
        this.blocks = blocks;
        this.positions = positions;
    }

    /**
     * @param sc         the context
     * @param data       the samples
     * @param seed       the run's seed
     * @param epoch      0-based epoch
     * @param batchSize  rows per batch
     * @param partitions partitions to spread each batch over
     * @return the epoch's layout, persisted and materialised
     */
    static EpochLayout build(JavaSparkContext sc, Samples data, long seed, long epoch, int batchSize, int partitions) {
        if (data.count() > Integer.MAX_VALUE) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "--data: " + data.count()
                    + " samples, at most " + Integer.MAX_VALUE + " per run");
        }
        int n = (int) data.count();
        int[] order = new int[n];
        EpochOrder.permutation(seed, epoch, order);
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            pos[order[i]] = i;
        }
        Broadcast<int[]> b = sc.broadcast(pos);
        int m = data.m();
        JavaRDD<Block> blocks = data.rows()
                .mapToPair(s -> new Tuple2<>(b.value()[(int) s.index()], Block.compact(s.values())))
                .partitionBy(new ChunkPartitioner(partitions, batchSize))
                .mapPartitionsWithIndex((i, it) -> List.of(Block.of(i, it, m)).iterator(), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        SparkJobs.run("laying out epoch " + epoch, blocks::count);
        return new EpochLayout(blocks, b);
    }

    /** @return one sorted block per partition */
    JavaRDD<Block> blocks() {
        return blocks;
    }

    /** Drops the cached blocks and the broadcast positions. */
    void release() {
        blocks.unpersist(false);
        positions.destroy();
    }
}
