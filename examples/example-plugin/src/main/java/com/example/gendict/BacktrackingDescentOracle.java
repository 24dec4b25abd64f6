package com.example.gendict;

import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Decodes each sample by gradient descent with backtracking on f(z) = ‖y − A·G(z)‖²: a step is
 * taken only when it lowers f (so f never rises above the start's), doubled after a success and
 * halved after a failure; inside the prior's latent ball when it has one. Starts come from the
 * caller or from p_z through the given generator, so the same seed gives the same result.
 * Immutable and thread-safe.
 */
public final class BacktrackingDescentOracle implements DecodeOracle {
    private final int iterations;

    /** @param iterations gradient steps per sample */
    public BacktrackingDescentOracle(int iterations) {
        this.iterations = iterations;
    }

    @Override
    public DecodeResult decode(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj start,
                               SplittableRandom rng) {
        int rows = y.numRows;
        int k = prior.latentDim();
        DMatrixRMaj z = new DMatrixRMaj(rows, k);
        if (start != null) {
            z.setTo(start);
        } else {
            prior.latentDistribution().sample(rng, z);
        }
        double[] objective = new double[rows];
        int[] steps = new int[rows];
        boolean[] converged = new boolean[rows];
        Sample s = new Sample(a, prior, y.numCols, k);
        for (int b = 0; b < rows; b++) {
            System.arraycopy(y.data, b * y.numCols, s.y.data, 0, y.numCols);
            System.arraycopy(z.data, b * k, s.z.data, 0, k);
            project(prior.latentRadius(), s.z.data);
            double f = s.objective(s.z);
            double step = 1;
            int it = 0;
            for (; it < iterations && step > 1e-12; it++) {
                s.gradient();
                boolean accepted = false;
                while (!accepted && step > 1e-12) {
                    for (int j = 0; j < k; j++) {
                        s.trial.data[j] = s.z.data[j] - step * s.grad.data[j];
                    }
                    project(prior.latentRadius(), s.trial.data);
                    double ft = s.objective(s.trial);
                    if (ft < f) {
                        s.z.setTo(s.trial);
                        f = ft;
                        accepted = true;
                        step *= 2;
                    } else {
                        step /= 2;
                    }
                }
            }
            System.arraycopy(s.z.data, 0, z.data, b * k, k);
            objective[b] = s.objective(s.z);
            steps[b] = it;
            converged[b] = step <= 1e-12;
        }
        return new DecodeResult(z, objective, steps, converged);
    }

    private static void project(OptionalDouble radius, double[] z) {
        if (radius.isEmpty()) {
            return;
        }
        double norm = 0;
        for (double v : z) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > radius.getAsDouble()) {
            for (int j = 0; j < z.length; j++) {
                z[j] *= radius.getAsDouble() / norm;
            }
        }
    }

    /** One sample's work buffers. */
    private static final class Sample {
        final DMatrixRMaj a;
        final GenerativePrior prior;
        final DMatrixRMaj y;
        final DMatrixRMaj z;
        final DMatrixRMaj trial;
        final DMatrixRMaj grad = new DMatrixRMaj(1, 1);
        final DMatrixRMaj x = new DMatrixRMaj(1, 1);
        final DMatrixRMaj residual;
        final DMatrixRMaj dx;

        Sample(DMatrixRMaj a, GenerativePrior prior, int m, int k) {
            this.a = a;
            this.prior = prior;
            this.y = new DMatrixRMaj(1, m);
            this.z = new DMatrixRMaj(1, k);
            this.trial = new DMatrixRMaj(1, k);
            this.residual = new DMatrixRMaj(1, m);
            this.dx = new DMatrixRMaj(1, a.numCols);
        }

        /** @return ‖y − A·G(v)‖², leaving y − A·G(v) in {@code residual} */
        double objective(DMatrixRMaj v) {
            prior.forward(v, x);
            double f = 0;
            for (int i = 0; i < a.numRows; i++) {
                double r = y.data[i];
                for (int j = 0; j < a.numCols; j++) {
                    r -= a.data[i * a.numCols + j] * x.data[j];
                }
                residual.data[i] = r;
                f += r * r;
            }
            return f;
        }

        /** ∇f(z) = −2·J(z)ᵀ·Aᵀ·(y − A·G(z)) into {@code grad}. */
        void gradient() {
            objective(z);
            for (int j = 0; j < a.numCols; j++) {
                double s = 0;
                for (int i = 0; i < a.numRows; i++) {
                    s -= 2 * a.data[i * a.numCols + j] * residual.data[i];
                }
                dx.data[j] = s;
            }
            prior.vjp(z, dx, grad);
        }
    }
}
