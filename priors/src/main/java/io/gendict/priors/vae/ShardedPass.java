package io.gendict.priors.vae;

import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Loss (and optionally gradient) of one mini-batch, computed shard by shard on a
 * {@link ShardExecutor}. ε is drawn on the calling thread in row order and shard results are
 * combined in shard order, so the outcome is the same for every thread count.
 */
final class ShardedPass implements AutoCloseable {
    private final int shardRows;
    private final ShardWorkspace[] shards;
    private final ShardExecutor executor;
    private final IntConsumer lossTask = this::loss;
    private final IntConsumer gradientTask = this::lossAndGradient;
    private DMatrixRMaj images;
    private int[] order;
    private int from;
    private int rows;

    /** @param net read only; its transposes must be current at each {@link #run} */
    ShardedPass(VaeNetwork net, VaeConfig config) {
        this.shardRows = config.shardRows();
        int count = config.shardsOf(config.batchSize());
        this.shards = new ShardWorkspace[count];
        for (int k = 0; k < count; k++) {
            shards[k] = new ShardWorkspace(net, Math.min(shardRows, config.batchSize()));
        }
        this.executor = new ShardExecutor(Math.min(config.threads(), count));
    }

    /**
     * Summed negative ELBO of images[order[from..from+rows)], ε drawn from {@code noise}.
     *
     * @param images    N×D in [0, 1]. Not modified.
     * @param order     row permutation. Not modified.
     * @param rows      at most the configured batch size
     * @param noise     advanced by rows·L normal draws
     * @param gradients whether to also compute the gradient, then available from {@link #gradients()}
     * @return the loss summed over the rows
     */
    double run(DMatrixRMaj images, int[] order, int from, int rows, SplittableRandom noise, boolean gradients) {
        this.images = images;
        this.order = order;
        this.from = from;
        this.rows = rows;
        int count = (rows + shardRows - 1) / shardRows;
        for (int k = 0; k < count; k++) {
            shards[k].drawNoise(noise, shardSize(k));
        }
        executor.run(count, gradients ? gradientTask : lossTask);
        double total = 0;
        for (int k = 0; k < count; k++) {
            total += shards[k].loss();
        }
        if (gradients) {
            reduceGradients(count);
        }
        return total;
    }

    /** @return the gradient of the last {@code run(…, true)}, in {@link VaeNetwork#parameters()} order */
    List<DMatrixRMaj> gradients() {
        return shards[0].gradients();
    }

    /** @return the identity permutation 0, 1, …, n−1 */
    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    @Override
    public void close() {
        executor.close();
    }

    private int shardSize(int k) {
        return Math.min(shardRows, rows - k * shardRows);
    }

    private void loss(int k) {
        shards[k].load(images, order, from + k * shardRows, shardSize(k));
        shards[k].forward(false);
    }

    private void lossAndGradient(int k) {
        shards[k].load(images, order, from + k * shardRows, shardSize(k));
        shards[k].forward(true);
        shards[k].backward();
    }

    /** gradients of shard 0 += those of shards 1, 2, … in that order. */
    private void reduceGradients(int count) {
        List<DMatrixRMaj> total = shards[0].gradients();
        for (int k = 1; k < count; k++) {
            List<DMatrixRMaj> part = shards[k].gradients();
            for (int j = 0; j < total.size(); j++) {
                double[] t = total.get(j).data;
                double[] p = part.get(j).data;
                for (int i = 0; i < t.length; i++) {
                    t[i] += p[i];
                }
            }
        }
    }
}
