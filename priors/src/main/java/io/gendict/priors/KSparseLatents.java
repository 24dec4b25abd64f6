package io.gendict.priors;

import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.LatentDistribution;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * The latent law of {@link KSparsePrior} (docs/algorithms.md §6): per row, positions p_1..p_k a uniform
 * random set of k distinct integers of 1..n (Floyd's algorithm, in draw order), then values
 * v_s ~ N(0,1) clipped to [−V, V].
 */
final class KSparseLatents implements LatentDistribution {
    private final int n;
    private final int k;
    private final double bound;

    KSparseLatents(int n, int k, double bound) {
        this.n = n;
        this.k = k;
        this.bound = bound;
    }

    @Override
    public void sample(SplittableRandom rng, DMatrixRMaj out) {
        out.reshape(out.numRows, 2 * k);
        double[] d = out.data;
        for (int r = 0; r < out.numRows; r++) {
            int base = r * 2 * k;
            for (int s = 0; s < k; s++) {
                int top = n - k + 1 + s;
                int t = 1 + rng.nextInt(top);
                d[base + s] = taken(d, base, s, t) ? top : t;
            }
            for (int s = 0; s < k; s++) {
                d[base + k + s] = Math.max(-bound, Math.min(bound, Gaussian.next(rng)));
            }
        }
    }

    private static boolean taken(double[] d, int base, int count, int t) {
        for (int i = 0; i < count; i++) {
            if (d[base + i] == t) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return "k-sparse: " + k + " distinct positions of 1.." + n + ", values N(0,1) clipped to ±" + bound;
    }
}
