package io.gendict.spark;

import io.gendict.core.learn.LearnerStreams;
import org.apache.spark.Partitioner;

/**
 * Places epoch position p in a partition by its decode chunk: the chunks (of
 * {@link LearnerStreams#CHUNK} rows, counted from the start of p's batch) are dealt round-robin over
 * the partitions, so every chunk stays whole in one partition and every batch is spread over all.
 */
final class ChunkPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;
    private final int batchSize;

    /**
     * @param partitions number of partitions, ≥ 1
     * @param batchSize  rows per batch, ≥ 1
     */
    ChunkPartitioner(int partitions, int batchSize) {
        this.partitions = partitions;
        this.batchSize = batchSize;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        long p = (Integer) key;
        long chunksPerBatch = (batchSize + LearnerStreams.CHUNK - 1) / LearnerStreams.CHUNK;
        long chunk = (p / batchSize) * chunksPerBatch + (p % batchSize) / LearnerStreams.CHUNK;
        return (int) (chunk % partitions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkPartitioner c && c.partitions == partitions && c.batchSize == batchSize;
    }

    @Override
    public int hashCode() {
        return 31 * partitions + batchSize;
    }
}
