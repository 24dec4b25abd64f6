package io.gendict.cli.command;

import io.gendict.cli.support.DataFiles;
import io.gendict.core.data.EpochOrder;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.io.MappedNpy;
import org.ejml.data.DMatrixRMaj;

import java.nio.file.Path;

/**
 * The training batches of a {@code learn} run, each a function of the seed and its index only, so a
 * resumed run reads exactly the batches it would have read. From a file: epoch e visits the rows in
 * a permutation drawn from (seed, e) ({@link EpochOrder}), {@code batchSize} rows at a time (the last batch of an epoch
 * may be smaller); the sampler position of batch t is (t / batchesPerEpoch, t mod batchesPerEpoch).
 * Synthetic: batch t is drawn from a source seeded by (seed, t) around one fixed ground truth A*.
 */
abstract class BatchPlan {
    protected final long seed;
    protected final int batchSize;

    private BatchPlan(long seed, int batchSize) {
        this.seed = seed;
        this.batchSize = batchSize;
    }

    /** @return the data dimension m */
    abstract int dimension();

    /** @return what the batches are drawn from, e.g. {@code 1000×784}, to check a resumed run reads the same data */
    abstract String shape();

    /** @return batches in one pass over the data (0 for synthetic data, which has no passes) */
    abstract long batchesPerEpoch();

    /**
     * @param t   0-based batch index
     * @param out the batch, reshaped and overwritten
     */
    abstract void batch(long t, DMatrixRMaj out);

    /** Batches from a memory-mapped file, in a seeded shuffled order per epoch. */
    static final class FromFile extends BatchPlan {
        private final MappedNpy data;
        private final Path file;
        private final int[] order;
        private long epoch = -1;

        FromFile(MappedNpy data, Path file, long seed, int batchSize) {
            super(seed, batchSize);
            this.data = data;
            this.file = file;
            this.order = new int[data.rows()];
        }

        @Override
        int dimension() {
            return data.cols();
        }

        @Override
        String shape() {
            return data.rows() + "×" + data.cols();
        }

        @Override
        long batchesPerEpoch() {
            return (data.rows() + (long) batchSize - 1) / batchSize;
        }

        @Override
        void batch(long t, DMatrixRMaj out) {
            long e = t / batchesPerEpoch();
            if (e != epoch) {
                EpochOrder.permutation(seed, e, order);
                epoch = e;
            }
            int from = (int) ((t % batchesPerEpoch()) * batchSize);
            int count = Math.min(batchSize, order.length - from);
            data.readRows(order, from, count, out);
            DataFiles.requireFinite(out, file, "--data", order, from);
        }
    }

    /** Fresh synthetic batches y = A*·G(z) + η around one ground truth. */
    static final class Synthetic extends BatchPlan {
        private final SyntheticSource truth;
        private final double sigma;
        private final int m;

        Synthetic(SyntheticSource truth, int m, long seed, int batchSize) {
            super(seed, batchSize);
            this.truth = truth;
            this.sigma = truth.sigma();
            this.m = m;
        }

        @Override
        int dimension() {
            return m;
        }

        @Override
        String shape() {
            return "synthetic m=" + m;
        }

        @Override
        long batchesPerEpoch() {
            return 0;
        }

        @Override
        void batch(long t, DMatrixRMaj out) {
            SyntheticSource source = SyntheticSource.builder(truth.prior(), m, EpochOrder.mix(seed, t)).sigma(sigma)
                    .dictionary(truth.trueDictionary()).build();
            out.setTo(source.next(batchSize).y());
        }
    }
}
