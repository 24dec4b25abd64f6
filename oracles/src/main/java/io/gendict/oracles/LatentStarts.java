package io.gendict.oracles;

import io.gendict.core.error.Checks;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * Input checks shared by the oracles, the starting latents (given, or drawn from p_z) and the
 * optional latent ball ‖z‖ ≤ R of Assumption 4.
 */
final class LatentStarts {
    private LatentStarts() {
    }

    /**
     * Checks a decode call's shapes and the finiteness of Y and the starts (A is checked when a
     * {@link FeatureModel} is built for it).
     *
     * @param a     m×n dictionary
     * @param prior prior with output dimension n
     * @param y     B×m batch
     * @param start B×k starts or null
     */
    static void check(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj start) {
        Checks.shape("dictionary A", a, -1, prior.outputDim());
        Checks.shape("Y", y, -1, a.numRows);
        Checks.finite("Y", y);
        if (start != null) {
            Checks.shape("start", start, y.numRows, prior.latentDim());
            Checks.finite("start", start);
        }
    }

    /**
     * @param param a radius parameter; &gt; 0 to constrain, otherwise the prior's own radius if any
     * @param prior the prior
     * @return the ball radius R, or +∞ for no constraint
     */
    static double radius(double param, GenerativePrior prior) {
        return param > 0 ? param : prior.latentRadius().orElse(Double.POSITIVE_INFINITY);
    }

    /**
     * @param prior  the prior (its p_z draws missing starts)
     * @param start  B×k starts, or null to draw them. Not modified.
     * @param rows   B
     * @param rng    randomness for drawn starts. Modified.
     * @param radius ball radius, +∞ for none
     * @return a new B×k matrix of starts projected onto the ball
     */
    static DMatrixRMaj initial(GenerativePrior prior, DMatrixRMaj start, int rows, SplittableRandom rng, double radius) {
        int k = prior.latentDim();
        DMatrixRMaj z = new DMatrixRMaj(rows, k);
        if (start != null) {
            z.setTo(start);
        } else {
            prior.latentDistribution().sample(rng, z);
        }
        for (int b = 0; b < rows; b++) {
            project(z.data, b * k, k, radius);
        }
        return z;
    }

    /** Scales z[off..off+k) onto the ball ‖z‖ ≤ radius when it lies outside. */
    static void project(double[] z, int off, int k, double radius) {
        if (radius == Double.POSITIVE_INFINITY) {
            return;
        }
        double s = 0;
        for (int i = off; i < off + k; i++) {
            s += z[i] * z[i];
        }
        double norm = Math.sqrt(s);
        if (norm > radius) {
            double c = radius / norm;
            for (int i = off; i < off + k; i++) {
                z[i] *= c;
            }
        }
    }
}
