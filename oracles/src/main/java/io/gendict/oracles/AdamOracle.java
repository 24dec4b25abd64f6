package io.gendict.oracles;

import io.gendict.core.kernel.Kernels;
import io.gendict.core.learn.Adam;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The paper's decoder (docs/algorithms.md §2.2, §9): Adam on the batch's latents Z for
 * Σ_b ‖y_b − A·G(z_b)‖², a fixed number of steps, from the given or p_z-drawn starts, optionally
 * projected onto ‖z‖ ≤ R after every step. The gradient uses the Gram form
 * ∇_h = 2(h·Q − y·E) of {@link FeatureModel} (same math, fewer flops). It has no stopping rule,
 * so every sample reports the full budget and {@code converged = false}. Immutable, thread-safe.
 *
 * @since 0.1
 */
public final class AdamOracle implements DecodeOracle {
    private final FeatureModelCache models;
    private final double lr;
    private final int iterations;
    private final double radius;

    /**
     * @param lr         Adam learning rate (paper: 1e-2)
     * @param iterations Adam steps (paper: 1000)
     * @param radius     latent ball radius; ≤ 0 for the prior's own radius, if any
     * @param useLinear  whether to compute through the prior's linear-features declaration
     */
    public AdamOracle(double lr, int iterations, double radius, boolean useLinear) {
        this.lr = lr;
        this.iterations = iterations;
        this.radius = radius;
        this.models = new FeatureModelCache(useLinear);
    }

    @Override
    public DecodeResult decode(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj start, SplittableRandom rng) {
        LatentStarts.check(a, prior, y, start);
        int rows = y.numRows;
        int k = prior.latentDim();
        double r = LatentStarts.radius(radius, prior);
        DMatrixRMaj z = LatentStarts.initial(prior, start, rows, rng, r);
        FeatureModel model = models.get(a, prior);
        DMatrixRMaj p = model.project(y);
        DMatrixRMaj h = new DMatrixRMaj(rows, model.q);
        DMatrixRMaj dh = new DMatrixRMaj(rows, model.q);
        DMatrixRMaj dz = new DMatrixRMaj(rows, k);
        Adam adam = new Adam(rows * k, lr);
        for (int it = 0; it < iterations; it++) {
            model.features(z, h);
            dh.setTo(p);
            Kernels.get().gemm(false, false, 2, h, model.gram, -2, dh);
            model.vjp(z, dh, dz);
            adam.step(z.data, dz.data);
            for (int b = 0; b < rows; b++) {
                LatentStarts.project(z.data, b * k, k, r);
            }
        }
        double[] objective = new double[rows];
        model.objectives(z, y, objective);
        int[] iters = new int[rows];
        Arrays.fill(iters, iterations);
        return new DecodeResult(z, objective, iters, new boolean[rows]);
    }
}
