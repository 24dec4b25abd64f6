package io.gendict.priors.vae;

import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/** Small synthetic image sets in [0, 1] for the VAE tests. */
final class VaeTestData {
    private VaeTestData() {
    }

    /**
     * Images made of a few prototypes plus noise, clipped to [0, 1], so a VAE has structure to learn.
     *
     * @return n×d, row i close to prototype i mod 3
     */
    static DMatrixRMaj images(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] prototypes = new double[3][d];
        for (double[] p : prototypes) {
            for (int c = 0; c < d; c++) {
                p[c] = rng.nextDouble() < 0.5 ? 0.05 : 0.95;
            }
        }
        DMatrixRMaj images = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                double v = prototypes[i % 3][c] + 0.1 * (rng.nextDouble() - 0.5);
                images.set(i, c, Math.min(1, Math.max(0, v)));
            }
        }
        return images;
    }
}
