package io.gendict.core.contract;

import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * A dictionary-learning problem with a known answer: a planted m×n dictionary A* with i.i.d.
 * N(0, 1/m) entries and batches Y = G(Z)·A*ᵀ + σ·N(0, 1), Z drawn from the prior's p_z.
 * Immutable; every batch is a function of its seed.
 *
 * @since 0.1
 */
public final class PlantedProblem {
    private final GenerativePrior prior;
    private final DMatrixRMaj planted;
    private final double noise;

    /**
     * @param prior the prior G with output dimension n
     * @param m     data dimension ≥ 1
     * @param noise σ ≥ 0
     * @param seed  seed of A*
     */
    public PlantedProblem(GenerativePrior prior, int m, double noise, long seed) {
        this.prior = prior;
        this.noise = noise;
        this.planted = gaussian(new SplittableRandom(seed), m, prior.outputDim(), 1 / Math.sqrt(m));
    }

    /** One batch with its latents, coefficients and observations. */
    public record Batch(DMatrixRMaj z, DMatrixRMaj x, DMatrixRMaj y) {
        /** @return B, the number of rows */
        public int rows() {
            return y.numRows;
        }
    }

    /** @return the prior G */
    public GenerativePrior prior() {
        return prior;
    }

    /** @return the data dimension m */
    public int m() {
        return planted.numRows;
    }

    /** @return a copy of the planted m×n dictionary A* */
    public DMatrixRMaj dictionary() {
        return planted.copy();
    }

    /**
     * @param rows B ≥ 1
     * @param seed seed of the latents and the noise
     * @return a batch Z (B×k), X = G(Z) (B×n), Y = X·A*ᵀ + σ·N(0, 1) (B×m)
     */
    public Batch batch(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj z = new DMatrixRMaj(rows, prior.latentDim());
        prior.latentDistribution().sample(rng, z);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        prior.forward(z, x);
        DMatrixRMaj y = new DMatrixRMaj(rows, m());
        for (int b = 0; b < rows; b++) {
            for (int i = 0; i < m(); i++) {
                double s = 0;
                for (int j = 0; j < planted.numCols; j++) {
                    s += planted.data[i * planted.numCols + j] * x.data[b * planted.numCols + j];
                }
                y.data[b * m() + i] = s + noise * Gaussian.next(rng);
            }
        }
        return new Batch(z, x, y);
    }

    /**
     * @param scale standard deviation of the move, relative to A*'s entries
     * @param seed  seed of the move
     * @return A* + scale·N(0, 1/m), a start near the answer
     */
    public DMatrixRMaj perturbed(double scale, long seed) {
        DMatrixRMaj a = gaussian(new SplittableRandom(seed), m(), planted.numCols, scale / Math.sqrt(m()));
        for (int i = 0; i < a.getNumElements(); i++) {
            a.data[i] += planted.data[i];
        }
        return a;
    }

    /**
     * @param m    rows
     * @param n    columns
     * @param seed seed of the entries
     * @return an m×n matrix of i.i.d. N(0, 1/m) entries
     */
    public static DMatrixRMaj randomDictionary(int m, int n, long seed) {
        return gaussian(new SplittableRandom(seed), m, n, 1 / Math.sqrt(m));
    }

    /**
     * @param a m×n dictionary. Not modified.
     * @param y B×m observations. Not modified.
     * @param x B×n coefficients. Not modified.
     * @return the mean squared residual (1/B)·‖Y − X·Aᵀ‖²_F
     */
    public static double loss(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x) {
        double[] rows = rowLosses(a, y, x);
        double s = 0;
        for (double r : rows) {
            s += r;
        }
        return s / rows.length;
    }

    /**
     * @return per row b, ‖y_b − A·x_b‖²
     * @see #loss
     */
    static double[] rowLosses(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x) {
        int m = a.numRows;
        int n = a.numCols;
        double[] out = new double[y.numRows];
        for (int b = 0; b < y.numRows; b++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                double r = y.data[b * m + i];
                for (int j = 0; j < n; j++) {
                    r -= a.data[i * n + j] * x.data[b * n + j];
                }
                s += r * r;
            }
            out[b] = s;
        }
        return out;
    }

    private static DMatrixRMaj gaussian(SplittableRandom rng, int rows, int cols, double scale) {
        DMatrixRMaj d = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            d.data[i] = scale * Gaussian.next(rng);
        }
        return d;
    }
}
