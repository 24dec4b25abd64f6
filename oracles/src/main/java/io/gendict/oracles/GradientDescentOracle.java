package io.gendict.oracles;

import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * Projected gradient descent per sample on f(z) = ‖y − A·G(z)‖² (docs/algorithms.md §5, without the
 * flip): either a fixed step, or Armijo backtracking (sufficient decrease f(z − t·g) ≤ f(z) −
 * 10⁻⁴·t·‖g‖², t halved on failure and doubled after success). Stops when an accepted step
 * decreases f by at most {@code tol}·f (converged), when the line search cannot decrease f
 * (converged), or at the iteration cap. Immutable, thread-safe.
 *
 * @since 0.1
 */
public final class GradientDescentOracle implements DecodeOracle {
    private final FeatureModelCache models;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 60;
    private final double step;
    private final int maxIterations;
    private final boolean lineSearch;
    private final double tol;
    private final double radius;

    /**
     * @param step          fixed step, or the first trial step of the line search
     * @param maxIterations iteration cap per sample
     * @param lineSearch    whether to backtrack
     * @param tol           relative decrease under which a sample stops
     * @param radius        latent ball radius; ≤ 0 for the prior's own radius, if any
     * @param useLinear     whether to compute through the prior's linear-features declaration
     */
    public GradientDescentOracle(double step, int maxIterations, boolean lineSearch, double tol, double radius,
                                 boolean useLinear) {
        this.step = step;
        this.maxIterations = maxIterations;
        this.lineSearch = lineSearch;
        this.tol = tol;
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
        FeatureModel.Sample s = models.get(a, prior).sample();
        double[] g = new double[k];
        double[] old = new double[k];
        int[] iterations = new int[rows];
        boolean[] converged = new boolean[rows];
        double[] objective = new double[rows];
        for (int b = 0; b < rows; b++) {
            System.arraycopy(z.data, b * k, s.z, 0, k);
            double f = s.evaluate(y.data, b * a.numRows);
            double t = step;
            int it = 0;
            while (it < maxIterations && !converged[b]) {
                it++;
                s.gradient(g);
                double gg = 0;
                for (double gi : g) {
                    gg += gi * gi;
                }
                System.arraycopy(s.z, 0, old, 0, k);
                double fNew = Double.NaN;
                boolean accepted = false;
                for (int h = 0; h <= (lineSearch ? MAX_HALVINGS : 0) && !accepted; h++) {
                    for (int i = 0; i < k; i++) {
                        s.z[i] = old[i] - t * g[i];
                    }
                    LatentStarts.project(s.z, 0, k, r);
                    fNew = s.evaluate();
                    accepted = !lineSearch || fNew <= f - ARMIJO * t * gg;
                    if (!accepted) {
                        t *= 0.5;
                    }
                }
                if (lineSearch && (!accepted || !(fNew < f))) {
                    System.arraycopy(old, 0, s.z, 0, k);
                    converged[b] = true;
                    break;
                }
                converged[b] = fNew <= f && f - fNew <= tol * f;
                f = fNew;
                if (lineSearch) {
                    t *= 2;
                }
            }
            iterations[b] = it;
            objective[b] = s.exact();
            System.arraycopy(s.z, 0, z.data, b * k, k);
        }
        return new DecodeResult(z, objective, iterations, converged);
    }
}
