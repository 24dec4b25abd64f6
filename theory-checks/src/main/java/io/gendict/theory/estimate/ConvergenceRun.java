package io.gendict.theory.estimate;

import io.gendict.core.data.Batch;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.error.Checks;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.oracles.update.PreconditionedGradientRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

import java.util.SplittableRandom;

/**
 * Runs Algorithm 1 (docs/algorithms.md §2.1) as Theorem 5.1/5.2 state it and fits its geometric rate
 * (§4.4): A0 = A* + E with every column of E of norm Δ in a random direction, the perfect decode
 * oracle (the true z* of each fresh sample, as §4.4 allows in synthetic tests), the preconditioned
 * step with a Monte-Carlo C⁻¹, projection onto columns within 2Δ of A0, and P fresh samples per
 * step with noise σ. The error ‖A_s − A*‖_F is recorded after every step and handed to
 * {@link ConvergenceFit}; with σ = 0 the rate should match |1 − η|, with noise the floor grows with σ.
 *
 * @param errors ‖A_s − A*‖_F after each step s = 1..T
 * @param fit    the fitted contraction factor, its 95% interval and the floor
 * @since 0.1
 */
public record ConvergenceRun(double[] errors, ConvergenceFit fit) {

    /**
     * @param prior      the prior G
     * @param aStar      m×n ground truth A*. Not modified.
     * @param delta      column distance Δ of the start (> 0)
     * @param eta        step η (> 0)
     * @param sigma      noise standard deviation (≥ 0)
     * @param steps      iterations T (≥ 5)
     * @param perStep    fresh samples P per iteration (≥ 1)
     * @param monteCarlo C⁻¹ draws (≤ 0 for max(10n, 10⁴))
     * @param seed       seed of the start, the data and C⁻¹
     * @return the error sequence and its fit
     */
    public static ConvergenceRun run(GenerativePrior prior, DMatrixRMaj aStar, double delta, double eta, double sigma,
                                     int steps, int perStep, int monteCarlo, long seed) {
        Checks.parameter(delta > 0 && eta > 0 && steps >= 5 && perStep >= 1,
                "convergence run: expected Δ > 0, η > 0, at least 5 steps and 1 sample per step");
        SplittableRandom rng = new SplittableRandom(seed);
        int m = aStar.numRows;
        int n = aStar.numCols;
        DMatrixRMaj a = aStar.copy();
        double[] d = new double[m];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int i = 0; i < m; i++) {
                d[i] = Gaussian.next(rng);
                norm += d[i] * d[i];
            }
            for (int i = 0; i < m; i++) {
                a.data[i * n + j] += delta * d[i] / Math.sqrt(norm);
            }
        }
        SyntheticSource data = SyntheticSource.builder(prior, m, rng.nextLong()).sigma(sigma).dictionary(aStar).build();
        PreconditionedGradientRule rule = new PreconditionedGradientRule(eta, 2 * delta, true, monteCarlo, 1);
        rule.start(a, prior, rng.split());
        double[] errors = new double[steps];
        DMatrixRMaj diff = new DMatrixRMaj(m, n);
        for (int s = 0; s < steps; s++) {
            Batch batch = data.next(perStep);
            rule.update(a, batch.y(), batch.x());
            CommonOps_DDRM.subtract(a, aStar, diff);
            errors[s] = NormOps_DDRM.normF(diff);
        }
        return new ConvergenceRun(errors, ConvergenceFit.fit(errors));
    }
}
