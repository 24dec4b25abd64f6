package io.gendict.priors.vae;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

/**
 * Hyper-parameters of the MLP VAE and of its Adam training (docs/algorithms.md §8, §9). Validated once,
 * in the constructor. Build with {@link #builder()}; defaults are the PyTorch example's.
 *
 * <p>Each mini-batch is cut into shards of {@code shardRows} rows; every shard gets its own gradient
 * buffers and the shard gradients are summed in shard order. The result therefore depends on
 * {@code shardRows} but not on {@code threads}, which only decides how many shards run at once.
 *
 * @param inputDim     pixels per image (784 for 28×28)
 * @param hidden       hidden width of encoder and decoder (400)
 * @param latent       latent dimension k (20)
 * @param learningRate Adam step size (1e-3)
 * @param batchSize    images per mini-batch (128); the last batch of an epoch may be smaller
 * @param epochs       passes over the training set (10)
 * @param seed         root seed of initialization, shuffling and ε draws
 * @param threads      worker threads, including the caller (1)
 * @param shardRows    rows per gradient shard (64); at most {@value #MAX_SHARDS} shards per batch
 * @since 0.1
 */
public record VaeConfig(int inputDim, int hidden, int latent, double learningRate, int batchSize, int epochs,
                        long seed, int threads, int shardRows) {
    /** Upper bound on ⌈batchSize / shardRows⌉, since each shard holds a full set of gradients. */
    public static final int MAX_SHARDS = 64;

    /** @throws io.gendict.core.error.GendictException INVALID_PARAMETER naming the first bad field */
    public VaeConfig {
        positive("inputDim", inputDim);
        positive("hidden", hidden);
        positive("latent", latent);
        Checks.parameter(learningRate > 0 && Double.isFinite(learningRate),
                "learningRate: expected a finite value > 0, got " + learningRate);
        positive("batchSize", batchSize);
        positive("epochs", epochs);
        positive("threads", threads);
        positive("shardRows", shardRows);
        Checks.parameter(shards(batchSize, shardRows) <= MAX_SHARDS, "shardRows: expected at least ⌈batchSize/"
                + MAX_SHARDS + "⌉ = " + shards(batchSize, MAX_SHARDS) + " for batchSize " + batchSize + ", got " + shardRows);
    }

    /** @return a builder holding the defaults 784, 400, 20, 1e-3, 128, 10 epochs, seed 0, 1 thread, 64 */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a training or test set against this configuration.
     *
     * @param what   name used in messages, e.g. {@code "images"}
     * @param images N×inputDim with N ≥ 1 and every entry in [0, 1]. Not modified.
     * @throws GendictException INVALID_INPUT naming the shape or the first bad entry
     */
    void checkImages(String what, DMatrixRMaj images) {
        Checks.shape(what, images, -1, inputDim);
        if (images.numRows == 0) {
            throw new GendictException(ErrorKind.INVALID_INPUT, what + ": expected at least one image, got 0 rows");
        }
        int size = images.getNumElements();
        for (int i = 0; i < size; i++) {
            double v = images.data[i];
            if (!(v >= 0 && v <= 1)) {
                throw new GendictException(ErrorKind.INVALID_INPUT, what + ": expected pixel values in [0, 1], got "
                        + v + " at row " + (i / inputDim) + ", column " + (i % inputDim));
            }
        }
    }

    /** @return the number of shards of a batch of {@code rows} rows */
    int shardsOf(int rows) {
        return shards(rows, shardRows);
    }

    private static int shards(int rows, int per) {
        return (rows + per - 1) / per;
    }

    private static void positive(String name, int value) {
        Checks.parameter(value > 0, name + ": expected an integer > 0, got " + value);
    }

    /** Mutable builder of a {@link VaeConfig}; {@link #build()} validates. */
    public static final class Builder {
        private int inputDim = 784;
        private int hidden = 400;
        private int latent = 20;
        private double learningRate = 1e-3;
        private int batchSize = 128;
        private int epochs = 10;
        private long seed;
        private int threads = 1;
        private int shardRows = 64;

        private Builder() {
        }

        /** @param v pixels per image @return this */
        public Builder inputDim(int v) {
            inputDim = v;
            return this;
        }

        /** @param v hidden width @return this */
        public Builder hidden(int v) {
            hidden = v;
            return this;
        }

        /** @param v latent dimension @return this */
        public Builder latent(int v) {
            latent = v;
            return this;
        }

        /** @param v Adam step size @return this */
        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        /** @param v images per mini-batch @return this */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /** @param v passes over the data @return this */
        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        /** @param v root seed @return this */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** @param v worker threads @return this */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** @param v rows per gradient shard @return this */
        public Builder shardRows(int v) {
            shardRows = v;
            return this;
        }

        /** @return the validated configuration */
        public VaeConfig build() {
            return new VaeConfig(inputDim, hidden, latent, learningRate, batchSize, epochs, seed, threads, shardRows);
        }
    }
}
