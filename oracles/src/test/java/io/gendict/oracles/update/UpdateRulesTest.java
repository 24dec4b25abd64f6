package io.gendict.oracles.update;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.SufficientStatisticsRule;
import io.gendict.core.spi.UpdateRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateRulesTest {
    private static final int M = 7;
    private static final int N = 4;

    private static final GenerativePrior LINEAR = linear(N);

    /** @return G(z) = z in n dimensions with N(0, I) latents, enough for the rules (only p_z and n are used) */
    private static GenerativePrior linear(int n) {
        return new GenerativePrior() {
            @Override
            public int latentDim() {
                return n;
            }

            @Override
            public int outputDim() {
                return n;
            }

            @Override
            public void forward(DMatrixRMaj z, DMatrixRMaj out) {
                out.setTo(z);
            }

            @Override
            public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
                out.setTo(dx);
            }

            @Override
            public Params params() {
                return ParamSpec.empty().validate("linear", Map.of());
            }
        };
    }

    private static DMatrixRMaj gaussian(SplittableRandom rng, int rows, int cols) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = Gaussian.next(rng);
        }
        return x;
    }

    private static DMatrixRMaj observe(DMatrixRMaj aStar, DMatrixRMaj x) {
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, aStar.numRows);
        CommonOps_DDRM.multTransB(x, aStar, y);
        return y;
    }

    @Test
    void onlineLeastSquaresEqualsTheRidgeSolutionOverAllBatches() {
        SplittableRandom rng = new SplittableRandom(1);
        DMatrixRMaj a0 = gaussian(rng, M, N);
        DMatrixRMaj a = a0.copy();
        UpdateRule rule = new LeastSquaresRule(1, 0, 1e-3, 1);
        rule.start(a0, LINEAR, rng);
        DMatrixRMaj sxx = new DMatrixRMaj(N, N);
        DMatrixRMaj syx = new DMatrixRMaj(M, N);
        double lambda = 0;
        for (int b = 0; b < 3; b++) {
            DMatrixRMaj x = gaussian(rng, 5, N);
            DMatrixRMaj y = gaussian(rng, 5, M);
            rule.update(a, y, x);
            CommonOps_DDRM.multAddTransA(x, x, sxx);
            CommonOps_DDRM.multAddTransA(y, x, syx);
            if (b == 0) {
                lambda = 1e-3 * CommonOps_DDRM.trace(sxx) / N;
            }
        }
        DMatrixRMaj s = sxx.copy();
        for (int i = 0; i < N; i++) {
            s.data[i * N + i] += lambda;
        }
        CommonOps_DDRM.multAdd(lambda, a0, CommonOps_DDRM.identity(N), syx);
        DMatrixRMaj expected = new DMatrixRMaj(M, N);
        CommonOps_DDRM.invert(s);
        CommonOps_DDRM.mult(syx, s, expected);
        assertArrayEquals(expected.data, a.data, 1e-10);
    }

    @Test
    void stepsFromSumsEqualStepsFromRows() {
        SplittableRandom rng = new SplittableRandom(5);
        DMatrixRMaj aStar = gaussian(rng, M, N);
        for (Supplier<SufficientStatisticsRule> make : List.<Supplier<SufficientStatisticsRule>>of(() -> new LeastSquaresRule(1, 8, 1e-6, 1), () -> new LeastSquaresRule(0, 0, 1e-3, 1),
                () -> new PreconditionedGradientRule(0.3, 0.5, false, 0, 1))) {
            SufficientStatisticsRule rows = make.get();
            SufficientStatisticsRule sums = make.get();
            DMatrixRMaj a0 = gaussian(rng, M, N);
            rows.start(a0, LINEAR, new SplittableRandom(1));
            sums.start(a0, LINEAR, new SplittableRandom(1));
            DMatrixRMaj a = a0.copy();
            DMatrixRMaj b = a0.copy();
            for (int t = 0; t < 4; t++) {
                DMatrixRMaj x = gaussian(rng, 9, N);
                DMatrixRMaj y = observe(aStar, x);
                DMatrixRMaj yx = new DMatrixRMaj(M, N);
                DMatrixRMaj xx = new DMatrixRMaj(N, N);
                CommonOps_DDRM.multTransA(y, x, yx);
                CommonOps_DDRM.multTransA(x, x, xx);
                rows.update(a, y, x);
                sums.update(b, yx, xx, y.numRows);
            }
            assertArrayEquals(a.data, b.data, 1e-10 * NormOps_DDRM.normF(a));
        }
    }

    @Test
    void batchLeastSquaresRecoversANoiselessDictionary() {
        SplittableRandom rng = new SplittableRandom(2);
        DMatrixRMaj aStar = gaussian(rng, M, N);
        DMatrixRMaj a = gaussian(rng, M, N);
        UpdateRule rule = new LeastSquaresRule(0, 0, 1e-12, 1);
        rule.start(a, LINEAR, rng);
        DMatrixRMaj x = gaussian(rng, 30, N);
        rule.update(a, observe(aStar, x), x);
        assertArrayEquals(aStar.data, a.data, 1e-8);
    }

    @Test
    void rulesGiveTheSameDictionaryOnAnyNumberOfThreads() {
        int m = 200;
        int n = 150;
        for (IntFunction<UpdateRule> make : List.<IntFunction<UpdateRule>>of(t -> new LeastSquaresRule(1, 8, 1e-6, t),
                t -> new PreconditionedGradientRule(0.3, 0.5, false, 0, t))) {
            SplittableRandom rng = new SplittableRandom(12);
            DMatrixRMaj a1 = gaussian(rng, m, n);
            DMatrixRMaj a2 = a1.copy();
            UpdateRule one = make.apply(1);
            UpdateRule two = make.apply(2);
            one.start(a1, linear(n), new SplittableRandom(1));
            two.start(a2, linear(n), new SplittableRandom(1));
            for (int t = 0; t < 3; t++) {
                DMatrixRMaj y = gaussian(rng, 300, m);
                DMatrixRMaj x = gaussian(rng, 300, n);
                one.update(a1, y, x);
                two.update(a2, y, x);
            }
            assertArrayEquals(a1.data, a2.data, one.getClass().getSimpleName());
        }
    }

    @Test
    void stateRoundTripsThroughACheckpoint() {
        SplittableRandom rng = new SplittableRandom(3);
        DMatrixRMaj a = gaussian(rng, M, N);
        UpdateRule rule = new LeastSquaresRule(0.9, 1, 1e-6, 1);
        rule.start(a, LINEAR, rng);
        rule.update(a, gaussian(rng, 6, M), gaussian(rng, 6, N));
        UpdateRule resumed = new LeastSquaresRule(0.9, 1, 1e-6, 1);
        resumed.start(a, LINEAR, rng);
        resumed.restore(rule.state());
        DMatrixRMaj a2 = a.copy();
        DMatrixRMaj y = gaussian(rng, 6, M);
        DMatrixRMaj x = gaussian(rng, 6, N);
        rule.update(a, y, x);
        resumed.update(a2, y, x);
        assertArrayEquals(a.data, a2.data);
    }

    @Test
    void preconditionedStepWithTheIdentityIsTheAveragedGradientAndProjects() {
        SplittableRandom rng = new SplittableRandom(4);
        DMatrixRMaj a0 = gaussian(rng, M, N);
        DMatrixRMaj x = gaussian(rng, 8, N);
        DMatrixRMaj y = gaussian(rng, 8, M);
        DMatrixRMaj a = a0.copy();
        PreconditionedGradientRule free = new PreconditionedGradientRule(0.1, 0, false, 0, 1);
        free.start(a0, LINEAR, rng);
        free.update(a, y, x);
        DMatrixRMaj r = new DMatrixRMaj(8, M);
        CommonOps_DDRM.multTransB(x, a0, r);
        CommonOps_DDRM.subtractEquals(r, y);
        DMatrixRMaj expected = a0.copy();
        CommonOps_DDRM.multAddTransA(-0.1 / 8, r, x, expected);
        assertArrayEquals(expected.data, a.data, 1e-12);

        DMatrixRMaj b = a0.copy();
        PreconditionedGradientRule projected = new PreconditionedGradientRule(10, 0.05, false, 0, 1);
        projected.start(a0, LINEAR, rng);
        projected.update(b, y, x);
        for (int j = 0; j < N; j++) {
            double s = 0;
            for (int i = 0; i < M; i++) {
                s += Math.pow(b.get(i, j) - a0.get(i, j), 2);
            }
            assertTrue(Math.sqrt(s) <= 0.05 + 1e-12, "column " + j + " moved " + Math.sqrt(s));
        }
    }

    @Test
    void monteCarloPreconditionerApproximatesTheInverseSecondMoment() {
        PreconditionedGradientRule rule = new PreconditionedGradientRule(0.5, 0, true, 200_000, 1);
        rule.start(new DMatrixRMaj(M, N), LINEAR, new SplittableRandom(5));
        DMatrixRMaj diff = CommonOps_DDRM.subtract(rule.preconditioner(), CommonOps_DDRM.identity(N), null);
        assertTrue(NormOps_DDRM.normF(diff) < 0.03, "||C^-1 - I||_F = " + NormOps_DDRM.normF(diff));
    }

    @Test
    void adamUpdateLowersTheBatchErrorOnBothProductPaths() {
        SplittableRandom rng = new SplittableRandom(6);
        DMatrixRMaj aStar = gaussian(rng, M, N);
        for (int rows : new int[]{30, 1}) {
            DMatrixRMaj a = gaussian(rng, M, N);
            DMatrixRMaj x = gaussian(rng, rows, N);
            DMatrixRMaj y = observe(aStar, x);
            double before = NormOps_DDRM.normF(CommonOps_DDRM.subtract(observe(a, x), y, null));
            UpdateRule rule = new AdamUpdateRule(1e-2, 1000, 1);
            rule.start(a, LINEAR, rng);
            rule.update(a, y, x);
            double after = NormOps_DDRM.normF(CommonOps_DDRM.subtract(observe(a, x), y, null));
            assertTrue(after < 0.05 * before, rows + " rows: error " + before + " -> " + after);
        }
    }

    @Test
    void adamUpdateIsTheSameForAnyThreadCount() {
        SplittableRandom rng = new SplittableRandom(7);
        int m = 2 * AdamUpdateRule.BLOCK + 3;
        DMatrixRMaj a = gaussian(rng, m, N);
        DMatrixRMaj x = gaussian(rng, 5, N);
        DMatrixRMaj y = observe(gaussian(rng, m, N), x);
        DMatrixRMaj one = a.copy();
        DMatrixRMaj two = a.copy();
        new AdamUpdateRule(1e-2, 50, 1).update(one, y, x);
        new AdamUpdateRule(1e-2, 50, 2).update(two, y, x);
        assertArrayEquals(one.data, two.data);
    }
}
