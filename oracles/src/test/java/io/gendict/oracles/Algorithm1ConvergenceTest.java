package io.gendict.oracles;

import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.oracles.update.PreconditionedGradientRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Algorithm 1 (ALGORITHMS.md §2.1) from a Δ-close start in the noiseless setting contracts
 * ‖A − A*‖_F geometrically (Theorem 5.1), checked as in §4.4: dependencies prior (m = 10, n = 9),
 * columns of A0 − A* of norm Δ = 0.05, Monte-Carlo C⁻¹ from 10⁵ draws, η = 0.5, P = 20n fresh
 * samples per step. The oracle returns the true latents z* (the perfect oracle of §4.4; an exact
 * re-fit of z instead absorbs part of the error and stalls ‖A − A*‖ at a floor about a third of the
 * start). Floor f = median of the last 20% of e_s; log e_s = a + s·log ρ is fitted on the steps with
 * e_s &gt; 10·f; the upper end of the 95% interval of ρ̂ must be below 1 (measured ρ̂ ≈ 0.5 = |1 − η|).
 */
class Algorithm1ConvergenceTest {
    private static final int STEPS = 40;

    @Test
    void contractsGeometrically() {
        SplittableRandom rng = new SplittableRandom(3);
        GenerativePrior prior = TestPriors.dependencies(3);
        int m = 10;
        int n = prior.outputDim();
        Synthetic data = new Synthetic(prior, m, 0, rng);
        DMatrixRMaj a = data.aStar.copy();
        double delta = 0.05;
        for (int j = 0; j < n; j++) {
            double[] d = new double[m];
            double s = 0;
            for (int i = 0; i < m; i++) {
                d[i] = Gaussian.next(rng);
                s += d[i] * d[i];
            }
            for (int i = 0; i < m; i++) {
                a.data[i * n + j] += delta * d[i] / Math.sqrt(s);
            }
        }
        PreconditionedGradientRule rule = new PreconditionedGradientRule(0.5, 2 * delta, true, 100_000);
        rule.start(a, prior, rng);
        double[] e = new double[STEPS];
        DMatrixRMaj x = new DMatrixRMaj(20 * n, n);
        for (int s = 0; s < STEPS; s++) {
            Synthetic.Batch batch = data.batch(20 * n, rng);
            prior.forward(batch.z(), x);
            rule.update(a, batch.y(), x);
            e[s] = NormOps_DDRM.normF(CommonOps_DDRM.subtract(a, data.aStar, null));
        }
        double[] tail = Arrays.copyOfRange(e, STEPS - STEPS / 5, STEPS);
        Arrays.sort(tail);
        double floor = tail[tail.length / 2];
        double[] fit = contraction(e, 10 * floor);
        double rho = Math.exp(fit[0]);
        double upper = Math.exp(fit[0] + tQuantile975(fit[2] - 2) * fit[1]);
        assertTrue(fit[2] >= 5, "only " + fit[2] + " steps above 10x the floor " + floor);
        assertTrue(upper < 1, "fitted contraction factor " + rho + ", 95% upper end " + upper);
        assertTrue(rho < 0.7, "fitted contraction factor " + rho + " vs |1 - eta| = 0.5");
    }

    /** @return the 97.5% quantile of Student's t with df degrees of freedom (Cornish–Fisher, ample for df ≥ 3) */
    private static double tQuantile975(double df) {
        double z = 1.959964;
        double z3 = z * z * z;
        return z + (z3 + z) / (4 * df) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96 * df * df);
    }

    /** @return {slope of log e over s, its standard error, number of points} for points with e &gt; threshold */
    private static double[] contraction(double[] e, double threshold) {
        int count = 0;
        double sx = 0;
        double sy = 0;
        for (int s = 0; s < e.length; s++) {
            if (e[s] > threshold) {
                count++;
                sx += s;
                sy += Math.log(e[s]);
            }
        }
        double mx = sx / count;
        double my = sy / count;
        double sxx = 0;
        double sxy = 0;
        for (int s = 0; s < e.length; s++) {
            if (e[s] > threshold) {
                sxx += (s - mx) * (s - mx);
                sxy += (s - mx) * (Math.log(e[s]) - my);
            }
        }
        double slope = sxy / sxx;
        double rss = 0;
        for (int s = 0; s < e.length; s++) {
            if (e[s] > threshold) {
                double r = Math.log(e[s]) - my - slope * (s - mx);
                rss += r * r;
            }
        }
        double se = Math.sqrt(rss / (count - 2) / sxx);
        return new double[]{slope, se, count};
    }
}
