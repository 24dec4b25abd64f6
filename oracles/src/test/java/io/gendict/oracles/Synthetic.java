package io.gendict.oracles;

import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.kernel.Kernels;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * Test helper: a synthetic setting y = A*·G(z*) + σ·η with A* Uniform[0,1) (docs/algorithms.md §3), and
 * the paper's test error (mean ‖A·G(round(ẑ)) − A*·G(z*)‖ over a batch, codes rounded to 4 decimals).
 */
public final class Synthetic {
    final GenerativePrior prior;
    final DMatrixRMaj aStar;
    final double sigma;

    /** One batch: observations, true latents and the clean signals A*·G(z*). */
    public record Batch(DMatrixRMaj y, DMatrixRMaj z, DMatrixRMaj clean) {
    }

    public Synthetic(GenerativePrior prior, int m, double sigma, SplittableRandom rng) {
        this.prior = prior;
        this.sigma = sigma;
        this.aStar = new DMatrixRMaj(m, prior.outputDim());
        for (int i = 0; i < aStar.data.length; i++) {
            aStar.data[i] = rng.nextDouble();
        }
    }

    public Batch batch(int rows, SplittableRandom rng) {
        DMatrixRMaj z = new DMatrixRMaj(rows, prior.latentDim());
        prior.latentDistribution().sample(rng, z);
        DMatrixRMaj x = new DMatrixRMaj(rows, prior.outputDim());
        prior.forward(z, x);
        DMatrixRMaj clean = new DMatrixRMaj(rows, aStar.numRows);
        Kernels.get().gemm(false, true, 1, x, aStar, 0, clean);
        DMatrixRMaj y = clean.copy();
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] += sigma * Gaussian.next(rng);
        }
        return new Batch(y, z, clean);
    }

    /** @return mean ‖A·G(round(ẑ)) − A*·G(z*)‖ over the batch */
    public double testError(DictionaryLearner learner, Batch test) {
        Codes codes = learner.encode(test.y());
        double[] v = codes.values().data;
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.signum(v[i]) * Math.floor(Math.abs(v[i]) * 1e4 + 0.5) / 1e4;
        }
        int rows = test.y().numRows;
        DMatrixRMaj x = new DMatrixRMaj(rows, prior.outputDim());
        learner.coefficients(codes, x);
        DMatrixRMaj rec = new DMatrixRMaj(rows, aStar.numRows);
        Kernels.get().gemm(false, true, 1, x, learner.dictionary(), 0, rec);
        double sum = 0;
        int m = aStar.numRows;
        for (int b = 0; b < rows; b++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                double d = rec.data[b * m + j] - test.clean().data[b * m + j];
                s += d * d;
            }
            sum += Math.sqrt(s);
        }
        return sum / rows;
    }
}
