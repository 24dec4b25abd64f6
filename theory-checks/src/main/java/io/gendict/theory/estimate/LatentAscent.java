package io.gendict.theory.estimate;

import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

/**
 * Local maximisation of a smooth function of X = G(Z) over a few latents Z (p×k): projected gradient
 * ascent with the gradient chained through {@link GenerativePrior#vjp}, normalised steps, and an
 * adaptive step length (×1.5 after an improving step, ×0.5 after a rejected one). Each row of Z is
 * projected onto the latent ball after every step. Used to find adversarial pairs and quadruples for
 * the S-REC and the RRIC (docs/algorithms.md §4.1 step 3, §4.2). Chosen over Nelder–Mead because the prior
 * supplies exact vector–Jacobian products and 2k or 4k variables are too many for a simplex.
 */
final class LatentAscent {
    private LatentAscent() {
    }

    /** A function of X = G(Z) with its gradient. */
    interface Objective {
        /**
         * @param x    p×n outputs. Not modified.
         * @param grad p×n, overwritten with ∂value/∂X
         * @return the value, or NaN where it is undefined (then {@code grad} is ignored)
         */
        double value(DMatrixRMaj x, DMatrixRMaj grad);
    }

    /**
     * @param z     the best latents found (p×k)
     * @param value the objective there
     */
    record Result(DMatrixRMaj z, double value) {
    }

    /**
     * Maximises {@code f(G(Z))} from {@code z0}.
     *
     * @param prior      the generative prior
     * @param z0         p×k starting latents. Not modified.
     * @param f          the objective
     * @param radius     latent ball radius (+∞ for none)
     * @param step       initial step length in latent space
     * @param iterations maximum number of trial steps
     * @return the best latents and value (z0 and its value when no step improved)
     */
    static Result maximize(GenerativePrior prior, DMatrixRMaj z0, Objective f, double radius, double step,
                           int iterations) {
        int p = z0.numRows;
        int k = z0.numCols;
        int n = prior.outputDim();
        DMatrixRMaj z = z0.copy();
        DMatrixRMaj trial = new DMatrixRMaj(p, k);
        DMatrixRMaj x = new DMatrixRMaj(p, n);
        DMatrixRMaj grad = new DMatrixRMaj(p, n);
        DMatrixRMaj gz = new DMatrixRMaj(p, k);
        prior.forward(z, x);
        double value = f.value(x, grad);
        if (Double.isNaN(value)) {
            return new Result(z, value);
        }
        prior.vjp(z, grad, gz);
        double t = step;
        double minStep = 1e-12 * step;
        for (int it = 0; it < iterations && t > minStep; it++) {
            double gn = Latents.norm(gz.data, 0, p * k);
            if (!(gn > 0) || !Double.isFinite(gn)) {
                break;
            }
            for (int i = 0; i < p * k; i++) {
                trial.data[i] = z.data[i] + t * gz.data[i] / gn;
            }
            for (int r = 0; r < p; r++) {
                Latents.clip(trial.data, r * k, k, radius);
            }
            prior.forward(trial, x);
            double v = f.value(x, grad);
            if (v > value) {
                value = v;
                z.setTo(trial);
                prior.vjp(z, grad, gz);
                t *= 1.5;
            } else {
                t *= 0.5;
            }
        }
        return new Result(z, value);
    }
}
