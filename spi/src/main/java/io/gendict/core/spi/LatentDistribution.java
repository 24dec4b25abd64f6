package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * The latent distribution p_z of a prior: draws latent codes z ∈ R^k.
 *
 * @since 0.1
 */
public interface LatentDistribution {
    /**
     * Fills every row of {@code out} with an independent draw.
     *
     * @param rng source of randomness. Modified (advanced).
     * @param out B×k, overwritten
     */
    void sample(SplittableRandom rng, DMatrixRMaj out);

    /** @return a short description, e.g. {@code "N(0, I_10)"} */
    String describe();

    /** The standard normal N(0, I_k), the default of the paper (docs/algorithms.md §3). */
    static LatentDistribution standardNormal() {
        return new LatentDistribution() {
            @Override
            public void sample(SplittableRandom rng, DMatrixRMaj out) {
                double[] d = out.data;
                int size = out.numRows * out.numCols;
                for (int i = 0; i < size; i++) {
                    d[i] = Gaussian.next(rng);
                }
            }

            @Override
            public String describe() {
                return "N(0, I)";
            }
        };
    }
}
