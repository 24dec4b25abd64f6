package io.gendict.core.learn;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.LinearFeatures;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Autodiff's factored steps (linear-features priors) against the steps through G and its VJP. */
class FactoredJointStepsTest {
    private static final int M = 2 * FactoredJointSteps.BLOCK + 6;
    private static final int N = 12;
    private static final int K = 3;

    /** G(z) = Mix·(z∘z) with a non-negative Mix; declares it only when {@code declare}. */
    private record SquarePrior(DMatrixRMaj mix, boolean declare) implements GenerativePrior {
        @Override
        public int latentDim() {
            return K;
        }

        @Override
        public int outputDim() {
            return N;
        }

        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj out) {
            DMatrixRMaj sq = z.copy();
            CommonOps_DDRM.elementMult(sq, z);
            CommonOps_DDRM.multTransB(sq, mix, out);
        }

        @Override
        public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
            CommonOps_DDRM.mult(dx, mix, out);
            for (int i = 0; i < out.data.length; i++) {
                out.data[i] *= 2 * z.data[i];
            }
        }

        @Override
        public Optional<LinearFeatures> linearFeatures() {
            return declare ? Optional.of(new LinearFeatures(mix, LinearFeatures.Feature.SQUARE)) : Optional.empty();
        }

        @Override
        public Params params() {
            return ParamSpec.empty().validate("square", Map.of());
        }
    }

    private static DMatrixRMaj uniform(SplittableRandom rng, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextDouble();
        }
        return m;
    }

    private static DMatrixRMaj learn(boolean declare, int threads, DMatrixRMaj mix, DMatrixRMaj[] batches) {
        AutodiffLearner l = new AutodiffLearner(LinearTestPrior.leastSquaresOracle(),
                new LearnerContext(M, new SquarePrior(mix, declare), null, 3, threads), new AutodiffLearner.Options(1e-2, 1e-2, 60));
        for (DMatrixRMaj y : batches) {
            l.fit(y);
        }
        return l.dictionary();
    }

    private static DMatrixRMaj[] batches(SplittableRandom rng, DMatrixRMaj mix) {
        GenerativePrior g = new SquarePrior(mix, false);
        DMatrixRMaj aStar = uniform(rng, M, N);
        DMatrixRMaj[] out = new DMatrixRMaj[2];
        for (int b = 0; b < out.length; b++) {
            DMatrixRMaj z = new DMatrixRMaj(9, K);
            for (int i = 0; i < z.data.length; i++) {
                z.data[i] = Gaussian.next(rng);
            }
            DMatrixRMaj x = new DMatrixRMaj(9, N);
            g.forward(z, x);
            out[b] = new DMatrixRMaj(9, M);
            CommonOps_DDRM.multTransB(x, aStar, out[b]);
        }
        return out;
    }

    @Test
    void factoredStepsEqualTheStepsThroughTheVjpUpToRounding() {
        SplittableRandom rng = new SplittableRandom(8);
        DMatrixRMaj mix = uniform(rng, N, K);
        DMatrixRMaj[] batches = batches(rng, mix);
        DMatrixRMaj direct = learn(false, 1, mix, batches);
        DMatrixRMaj factored = learn(true, 1, mix, batches);
        double diff = NormOps_DDRM.normF(CommonOps_DDRM.subtract(direct, factored, null));
        assertTrue(diff <= 1e-10 * NormOps_DDRM.normF(direct), "factored differs by " + diff);
    }

    @Test
    void factoredStepsAreTheSameForAnyThreadCount() {
        SplittableRandom rng = new SplittableRandom(9);
        DMatrixRMaj mix = uniform(rng, N, K);
        DMatrixRMaj[] batches = batches(rng, mix);
        DMatrixRMaj one = learn(true, 1, mix, batches);
        assertArrayEquals(one.data, learn(true, 2, mix, batches).data);
        assertArrayEquals(one.data, learn(true, 3, mix, batches).data);
    }
}
