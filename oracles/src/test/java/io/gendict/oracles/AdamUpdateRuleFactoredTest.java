package io.gendict.oracles;

import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.UpdateRule;
import io.gendict.oracles.update.AdamUpdateRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The adam update's factored path (linear-features priors, latents given) against the direct one. */
class AdamUpdateRuleFactoredTest {
    private static final int M = 109;

    private record Problem(GenerativePrior prior, DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x, DMatrixRMaj z) {
    }

    private static Problem problem(long seed, int rows) {
        SplittableRandom rng = new SplittableRandom(seed);
        GenerativePrior prior = TestPriors.groupSparsity(40, 5, 0.6, rng.nextLong());
        DMatrixRMaj z = gaussian(rng, rows, 5);
        DMatrixRMaj x = new DMatrixRMaj(rows, 40);
        prior.forward(z, x);
        DMatrixRMaj y = new DMatrixRMaj(rows, M);
        CommonOps_DDRM.multTransB(x, gaussian(rng, M, 40), y);
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] += 0.1 * Gaussian.next(rng);
        }
        return new Problem(prior, gaussian(rng, M, 40), y, x, z);
    }

    private static DMatrixRMaj gaussian(SplittableRandom rng, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = Gaussian.next(rng);
        }
        return m;
    }

    private static DMatrixRMaj run(Problem p, boolean factored, int threads, int iterations) {
        DMatrixRMaj a = p.a().copy();
        UpdateRule rule = new AdamUpdateRule(1e-2, iterations, threads);
        rule.start(a, p.prior(), new SplittableRandom(1));
        if (factored) {
            rule.update(a, p.y(), p.x(), p.z());
        } else {
            rule.update(a, p.y(), p.x());
        }
        return a;
    }

    @Test
    void factoredStepsEqualTheDirectOnesUpToRounding() {
        for (int rows : new int[]{30, 3}) {
            Problem p = problem(11 + rows, rows);
            DMatrixRMaj direct = run(p, false, 1, 100);
            DMatrixRMaj factored = run(p, true, 1, 100);
            double moved = NormOps_DDRM.normF(CommonOps_DDRM.subtract(direct, p.a(), null));
            double diff = NormOps_DDRM.normF(CommonOps_DDRM.subtract(direct, factored, null));
            assertTrue(moved > 0.1, rows + " rows: the update moved A by " + moved);
            assertTrue(diff <= 1e-10 * NormOps_DDRM.normF(direct), rows + " rows: factored differs by " + diff);
        }
    }

    @Test
    void factoredStepsAreTheSameForAnyThreadCount() {
        Problem p = problem(5, 30);
        assertArrayEquals(run(p, true, 1, 40).data, run(p, true, 2, 40).data);
        assertArrayEquals(run(p, true, 1, 40).data, run(p, true, 3, 40).data);
    }
}
