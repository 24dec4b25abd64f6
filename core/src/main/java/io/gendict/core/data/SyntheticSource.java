package io.gendict.core.data;

import io.gendict.core.error.Checks;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * The synthetic data of the paper's experiments (docs/algorithms.md §3): a ground-truth dictionary A*
 * (m×n, entries i.i.d. Uniform[0,1), optionally with unit-norm columns, or given), and on every call
 * a fresh batch y = A*·G(z*) + η with z* drawn from the prior's latent distribution and η ~ N(0, σ² I_m).
 * Also draws an initial dictionary A0 the same way as A*, for learners to start from.
 *
 * <p>Reproducible: the seed is split, in this order, into one stream for A*, one for A0, one for the
 * latents and one for the noise, so the same seed gives the same A*, A0 and batch sequence bit for
 * bit, and giving A* explicitly leaves the other streams unchanged. Not thread-safe: {@link #next}
 * advances the streams.
 *
 * @since 0.1
 */
public final class SyntheticSource {
    private final GenerativePrior prior;
    private final double sigma;
    private final DMatrixRMaj trueDictionary;
    private final DMatrixRMaj initialDictionary;
    private final SplittableRandom latentRng;
    private final SplittableRandom noiseRng;

    private SyntheticSource(Builder b) {
        SplittableRandom root = new SplittableRandom(b.seed);
        SplittableRandom aRng = root.split();
        SplittableRandom a0Rng = root.split();
        this.latentRng = root.split();
        this.noiseRng = root.split();
        int n = b.prior.outputDim();
        this.prior = b.prior;
        this.sigma = b.sigma;
        this.trueDictionary = b.dictionary != null ? b.dictionary
                : uniformDictionary(b.m, n, b.normalizeColumns, aRng);
        this.initialDictionary = uniformDictionary(b.m, n, b.normalizeColumns, a0Rng);
    }

    /**
     * @param prior the generative prior G (k → n)
     * @param m     observation dimension, at least 1
     * @param seed  the root seed
     * @return a builder with σ = 0.1 (the paper's) and unnormalized uniform dictionaries
     * @throws GendictException INVALID_PARAMETER when m &lt; 1
     */
    public static Builder builder(GenerativePrior prior, int m, long seed) {
        return new Builder(prior, m, seed);
    }

    /**
     * A dictionary with entries i.i.d. Uniform[0,1), drawn row by row.
     *
     * @param m         rows
     * @param n         columns (atoms)
     * @param normalize scale each column to unit ℓ2 norm
     * @param rng       source of randomness. Modified (advanced by m·n draws).
     * @return a new m×n matrix
     */
    public static DMatrixRMaj uniformDictionary(int m, int n, boolean normalize, SplittableRandom rng) {
        DMatrixRMaj a = new DMatrixRMaj(m, n);
        double[] d = a.data;
        for (int i = 0; i < m * n; i++) {
            d[i] = rng.nextDouble();
        }
        if (normalize) {
            normalizeColumns(a);
        }
        return a;
    }

    private static void normalizeColumns(DMatrixRMaj a) {
        int m = a.numRows;
        int n = a.numCols;
        double[] d = a.data;
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += d[i * n + j] * d[i * n + j];
            }
            if (sum > 0) {
                double scale = 1 / Math.sqrt(sum);
                for (int i = 0; i < m; i++) {
                    d[i * n + j] *= scale;
                }
            }
        }
    }

    /**
     * Draws a fresh batch: z* from the latent stream, X = G(z*), clean = X·A*ᵀ, y = clean + σ·N(0, 1)
     * from the noise stream. Advances both streams.
     *
     * @param size number of samples B, at least 1
     * @return new matrices: y, clean B×m; z B×k; x B×n
     * @throws GendictException INVALID_PARAMETER when size &lt; 1
     */
    public Batch next(int size) {
        Checks.parameter(size >= 1, "batch size: expected at least 1, got " + size);
        int m = trueDictionary.numRows;
        DMatrixRMaj z = new DMatrixRMaj(size, prior.latentDim());
        prior.latentDistribution().sample(latentRng, z);
        DMatrixRMaj x = new DMatrixRMaj(size, prior.outputDim());
        prior.forward(z, x);
        DMatrixRMaj clean = new DMatrixRMaj(size, m);
        Kernels.get().gemm(false, true, 1, x, trueDictionary, 0, clean);
        DMatrixRMaj y = clean.copy();
        if (sigma > 0) {
            double[] yd = y.data;
            for (int i = 0; i < size * m; i++) {
                yd[i] += sigma * Gaussian.next(noiseRng);
            }
        }
        return new Batch(y, z, x, clean);
    }

    /** @return the ground-truth dictionary A* (m×n); a copy */
    public DMatrixRMaj trueDictionary() {
        return trueDictionary.copy();
    }

    /** @return the initial dictionary A0 (m×n), Uniform[0,1) from its own stream; a copy */
    public DMatrixRMaj initialDictionary() {
        return initialDictionary.copy();
    }

    /** @return the prior G */
    public GenerativePrior prior() {
        return prior;
    }

    /** @return the noise standard deviation σ */
    public double sigma() {
        return sigma;
    }

    /** Options of a {@link SyntheticSource}; every setter validates its argument. */
    public static final class Builder {
        private final GenerativePrior prior;
        private final int m;
        private final long seed;
        private double sigma = 0.1;
        private boolean normalizeColumns;
        private DMatrixRMaj dictionary;

        private Builder(GenerativePrior prior, int m, long seed) {
            Checks.parameter(m >= 1, "m: expected at least 1, got " + m);
            this.prior = prior;
            this.m = m;
            this.seed = seed;
        }

        /**
         * @param sigma noise standard deviation, finite and ≥ 0
         * @return this builder
         */
        public Builder sigma(double sigma) {
            Checks.parameter(Double.isFinite(sigma) && sigma >= 0, "sigma: expected a finite value ≥ 0, got " + sigma);
            this.sigma = sigma;
            return this;
        }

        /**
         * @param normalize scale the columns of the drawn A* and A0 to unit norm (default false, as the paper)
         * @return this builder
         */
        public Builder normalizeColumns(boolean normalize) {
            this.normalizeColumns = normalize;
            return this;
        }

        /**
         * @param a the ground truth A*, m×n with n the prior's output dimension, finite. Copied; used as
         *          given (not normalized).
         * @return this builder
         * @throws GendictException INVALID_INPUT when the shape is wrong or a value is not finite
         */
        public Builder dictionary(DMatrixRMaj a) {
            Checks.shape("A*", a, m, prior.outputDim());
            Checks.finite("A*", a);
            this.dictionary = a.copy();
            return this;
        }

        /** @return the source */
        public SyntheticSource build() {
            return new SyntheticSource(this);
        }
    }
}
