package io.gendict.oracles;

import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LinearFeatures;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;

import java.util.SplittableRandom;

/**
 * Levenberg–Marquardt per sample on f(z) = ‖y − A·G(z)‖² in k dimensions: solve the k×k system
 * (H + λ·s·I)·δ = −∇f with H = 2·J_hᵀ·Q·J_h the Gauss–Newton matrix of {@link FeatureModel} and
 * s = tr(H)/k (EJML Cholesky), accept z + δ (projected onto ‖z‖ ≤ R) if f decreases and divide λ by
 * 10, else multiply λ by 10. A sample converges when an accepted step decreases f by at most
 * {@code tol}·f, when f reaches 0, or when λ exceeds 10¹² (no decrease within rounding); the cap
 * counts trial steps. When the prior declares G(z) = M·φ(z) and {@code linearInit} is set, each
 * sample starts from the exact constrained least-squares solution w = argmin ‖y − A·M·w‖² (w ≥ 0
 * for φ = z∘z, then z = √w) instead of the given start. Immutable, thread-safe.
 *
 * @since 0.1
 */
public final class GaussNewtonOracle implements DecodeOracle {
    private final FeatureModelCache models;
    private static final double LAMBDA0 = 1e-3;
    private static final double LAMBDA_MIN = 1e-12;
    private static final double LAMBDA_MAX = 1e12;
    private final int maxIterations;
    private final double tol;
    private final double radius;
    private final boolean linearInit;

    /**
     * @param maxIterations trial steps per sample
     * @param tol           relative decrease under which a sample stops
     * @param radius        latent ball radius; ≤ 0 for the prior's own radius, if any
     * @param linearInit    whether to start from the linear-features least-squares solution
     */
    public GaussNewtonOracle(int maxIterations, double tol, double radius, boolean linearInit) {
        this.maxIterations = maxIterations;
        this.tol = tol;
        this.radius = radius;
        this.linearInit = linearInit;
        this.models = new FeatureModelCache(true);
    }

    @Override
    public DecodeResult decode(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj start, SplittableRandom rng) {
        LatentStarts.check(a, prior, y, start);
        int rows = y.numRows;
        int m = a.numRows;
        int k = prior.latentDim();
        double r = LatentStarts.radius(radius, prior);
        DMatrixRMaj z = LatentStarts.initial(prior, start, rows, rng, r);
        FeatureModel model = models.get(a, prior);
        if (linearInit && model.feature() != null) {
            initialiseLinear(model, y, z, r);
        }
        Solver solver = new Solver(model.sample(), k, r);
        int[] iterations = new int[rows];
        boolean[] converged = new boolean[rows];
        double[] objective = new double[rows];
        for (int b = 0; b < rows; b++) {
            System.arraycopy(z.data, b * k, solver.s.z, 0, k);
            converged[b] = solver.solve(y.data, b * m);
            iterations[b] = solver.iterations;
            objective[b] = solver.s.exact();
            System.arraycopy(solver.s.z, 0, z.data, b * k, k);
        }
        return new DecodeResult(z, objective, iterations, converged);
    }

    /**
     * One sample's Levenberg–Marquardt iterations, with the k×k workspace reused across samples. A method
     * of its own so that the JIT compiles it as a small unit, early, instead of recompiling the whole
     * decode loop on stack.
     */
    private final class Solver {
        final FeatureModel.Sample s;
        int iterations;
        private final int k;
        private final double radius;
        private final double[] g;
        private final double[] old;
        private final DMatrixRMaj h;
        private final DMatrixRMaj damped;
        private final double[] delta;
        private final CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);

        Solver(FeatureModel.Sample s, int k, double radius) {
            this.s = s;
            this.k = k;
            this.radius = radius;
            this.g = new double[k];
            this.old = new double[k];
            this.h = new DMatrixRMaj(k, k);
            this.damped = new DMatrixRMaj(k, k);
            this.delta = new double[k];
        }

        /**
         * Iterates from {@code s.z} on the sample at {@code y[yOff…]}, leaving the last accepted point in
         * {@code s.z} and the trial steps taken in {@link #iterations}.
         *
         * @return whether the sample converged
         */
        boolean solve(double[] y, int yOff) {
            double f = s.evaluate(y, yOff);
            double lambda = LAMBDA0;
            int it = 0;
            boolean fresh = true;
            boolean converged = false;
            while (it < maxIterations && f > 0) {
                if (fresh) {
                    s.gradient(g);
                    s.gaussNewton(h);
                    System.arraycopy(s.z, 0, old, 0, k);
                    fresh = false;
                }
                it++;
                double fNew = trial(lambda);
                if (fNew < f) {
                    boolean small = f - fNew <= tol * f;
                    f = fNew;
                    lambda = Math.max(lambda / 10, LAMBDA_MIN);
                    fresh = true;
                    if (small) {
                        converged = true;
                        break;
                    }
                } else {
                    lambda *= 10;
                    if (lambda > LAMBDA_MAX) {
                        converged = true;
                        break;
                    }
                }
            }
            if (!fresh) {
                System.arraycopy(old, 0, s.z, 0, k);
            }
            iterations = it;
            return converged || f == 0;
        }

        /**
         * @return f at old + δ, δ the step of damping λ (s.z set to that point), or +∞ when H + λ·s·I is
         *         not positive definite
         */
        private double trial(double lambda) {
            double scale = 0;
            for (int i = 0; i < k; i++) {
                scale += h.data[i * k + i];
            }
            scale = Math.max(scale / k, Double.MIN_NORMAL);
            damped.setTo(h);
            for (int i = 0; i < k; i++) {
                damped.data[i * k + i] += lambda * scale;
                delta[i] = -g[i];
            }
            if (!chol.decompose(damped)) {
                return Double.POSITIVE_INFINITY;
            }
            TriangularSolver_DDRM.solveL(damped.data, delta, k);
            TriangularSolver_DDRM.solveTranL(damped.data, delta, k);
            for (int i = 0; i < k; i++) {
                s.z[i] = old[i] + delta[i];
            }
            LatentStarts.project(s.z, 0, k, radius);
            return s.evaluate();
        }
    }

    private static void initialiseLinear(FeatureModel model, DMatrixRMaj y, DMatrixRMaj z, double radius) {
        int k = model.k;
        DMatrixRMaj p = model.project(y);
        ConstrainedLeastSquares ls = new ConstrainedLeastSquares(k);
        boolean square = model.feature() == LinearFeatures.Feature.SQUARE;
        double[] w = new double[k];
        for (int b = 0; b < y.numRows; b++) {
            ls.solve(model.gram, p.data, b * k, square, w);
            for (int i = 0; i < k; i++) {
                z.data[b * k + i] = square ? Math.sqrt(w[i]) : w[i];
            }
            LatentStarts.project(z.data, b * k, k, radius);
        }
    }
}
