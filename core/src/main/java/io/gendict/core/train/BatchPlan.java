package io.gendict.core.train;

import io.gendict.core.data.EpochOrder;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.MemoryBudget;
import io.gendict.core.io.DataFiles;
import io.gendict.core.io.MappedNpy;
import io.gendict.core.param.ComponentSpec;
import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.nio.file.Path;

/**
 * The training batches of a learning run, each a function of the seed and its index only, so a
 * resumed run reads exactly the batches it would have read. From a file: epoch e visits the rows in
 * a permutation drawn from (seed, e) ({@link EpochOrder}), {@code batchSize} rows at a time (the last batch of an epoch
 * may be smaller); the sampler position of batch t is (t / batchesPerEpoch, t mod batchesPerEpoch).
 * Synthetic: batch t is drawn from a source seeded by (seed, t) around one fixed ground truth A*.
 *
 * @since 0.1
 */
public abstract class BatchPlan {
    private static final ParamSpec SYNTHETIC = ParamSpec.builder()
            .intParam("m", null, 1, 1_000_000, "data dimension")
            .doubleParam("sigma", 0.1, 0, Double.NaN, "noise standard deviation")
            .build();
    /**
     * m×n float64 matrices a run may hold at once (true and learned dictionaries, the learner's working
     * copies): {@code learn --synthetic m=100000} with n=300 (240 MB each) fails under -Xmx1700m, runs under -Xmx2500m.
     */
    private static final int DICTIONARY_COPIES = 10;

    protected final long seed;
    protected final int batchSize;

    private BatchPlan(long seed, int batchSize) {
        this.seed = seed;
        this.batchSize = batchSize;
    }

    /**
     * @param run   the settings: the data file or synthetic spec, seed and batch size
     * @param prior the prior G, whose output dimension n sizes the dictionary
     * @return the run's batches, after checking that an m×n dictionary and its copies fit in the heap
     */
    public static BatchPlan of(RunSettings run, GenerativePrior prior) {
        if (run.data() != null) {
            Path file = Path.of(run.data());
            MappedNpy data = DataFiles.open(file, "--data");
            BatchPlan plan = new FromFile(data, file, run.seed(), run.batchSize());
            requireDictionaryFits(plan.dimension(), prior.outputDim());
            return plan;
        }
        Params p = SYNTHETIC.validate("--synthetic", ComponentSpec.parse("synthetic:" + run.synthetic()).raw());
        int m = p.getInt("m");
        requireDictionaryFits(m, prior.outputDim());
        SyntheticSource truth = SyntheticSource.builder(prior, m, run.seed()).sigma(p.getDouble("sigma")).build();
        return new Synthetic(truth, m, run.seed(), run.batchSize());
    }

    private static void requireDictionaryFits(int m, int n) {
        MemoryBudget.require(ErrorKind.INVALID_PARAMETER, "learn: m=" + m + ", n=" + n + ": the m×n dictionary and the"
                + " learner's copies of it (" + DICTIONARY_COPIES + " × m·n float64)",
                MemoryBudget.product(m, n, Double.BYTES, DICTIONARY_COPIES));
    }

    /** @return the data dimension m */
    public abstract int dimension();

    /** @return what the batches are drawn from, e.g. {@code 1000×784}, to check a resumed run reads the same data */
    public abstract String shape();

    /** @return batches in one pass over the data (0 for synthetic data, which has no passes) */
    public abstract long batchesPerEpoch();

    /**
     * @param t   0-based batch index
     * @param out the batch, reshaped and overwritten
     */
    public abstract void batch(long t, DMatrixRMaj out);

    /** Batches from a memory-mapped file, in a seeded shuffled order per epoch. */
    private static final class FromFile extends BatchPlan {
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
        public int dimension() {
            return data.cols();
        }

        @Override
        public String shape() {
            return data.rows() + "×" + data.cols();
        }

        @Override
        public long batchesPerEpoch() {
            return (data.rows() + (long) batchSize - 1) / batchSize;
        }

        @Override
        public void batch(long t, DMatrixRMaj out) {
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
    private static final class Synthetic extends BatchPlan {
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
        public int dimension() {
            return m;
        }

        @Override
        public String shape() {
            return "synthetic m=" + m;
        }

        @Override
        public long batchesPerEpoch() {
            return 0;
        }

        @Override
        public void batch(long t, DMatrixRMaj out) {
            SyntheticSource source = SyntheticSource.builder(truth.prior(), m, EpochOrder.mix(seed, t)).sigma(sigma)
                    .dictionary(truth.trueDictionary()).build();
            out.setTo(source.next(batchSize).y());
        }
    }
}
