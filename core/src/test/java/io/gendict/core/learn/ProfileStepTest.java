package io.gendict.core.learn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;

/**
 * The undamped profile step is the least-squares solution of its definition, built by brute force:
 * min over ΔA of Σ_b ‖(I − P_b)(r_b − ΔA·g_b)‖² with P_b the projector onto span(A·J_G(z_b)).
 */
class ProfileStepTest {
    private static final int M = 5;
    private static final int W = 60;
    private final GenerativePrior prior = new Waves();

    /**
     * G(z) = [z; z∘z; sin z] with k = 2: no reparametrisation of z is undone by a change of A, so the
     * undamped system is positive definite.
     */
    private static final class Waves implements GenerativePrior {
        @Override
        public int latentDim() {
            return 2;
        }

        @Override
        public int outputDim() {
            return 6;
        }

        @Override
        public Params params() {
            return ParamSpec.empty().validate("waves", Map.of());
        }

        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj out) {
            out.reshape(z.numRows, 6);
            for (int b = 0; b < z.numRows; b++) {
                for (int i = 0; i < 2; i++) {
                    double v = z.get(b, i);
                    out.set(b, i, v);
                    out.set(b, 2 + i, v * v);
                    out.set(b, 4 + i, Math.sin(v));
                }
            }
        }

        @Override
        public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
            out.reshape(z.numRows, 2);
            for (int b = 0; b < z.numRows; b++) {
                for (int i = 0; i < 2; i++) {
                    double v = z.get(b, i);
                    out.set(b, i, dx.get(b, i) + 2 * v * dx.get(b, 2 + i) + Math.cos(v) * dx.get(b, 4 + i));
                }
            }
        }
    }

    @Test
    void undampedStepSolvesTheProjectedLeastSquaresProblem() {
        SplittableRandom rng = new SplittableRandom(21);
        int n = prior.outputDim();
        int k = prior.latentDim();
        DMatrixRMaj a = random(M, n, rng);
        DMatrixRMaj z = random(W, k, rng);
        CommonOps_DDRM.scale(3, z);
        DMatrixRMaj x = new DMatrixRMaj(W, n);
        prior.forward(z, x);
        DMatrixRMaj y = new DMatrixRMaj(W, M);
        CommonOps_DDRM.multTransB(x, a, y);
        DMatrixRMaj noise = random(W, M, rng);
        CommonOps_DDRM.addEquals(y, 0.1, noise);

        DMatrixRMaj stepped = new DMatrixRMaj(M, n);
        assertTrue(new ProfileStep(prior, y, z, x, a).step(0, stepped));

        DMatrixRMaj design = new DMatrixRMaj(W * M, M * n);
        DMatrixRMaj target = new DMatrixRMaj(W * M, 1);
        DMatrixRMaj jac = new DMatrixRMaj(n, k);
        DMatrixRMaj tangent = new DMatrixRMaj(M, k);
        DMatrixRMaj pinv = new DMatrixRMaj(k, M);
        DMatrixRMaj complement = new DMatrixRMaj(M, M);
        for (int b = 0; b < W; b++) {
            prior.jacobian(new double[] {z.get(b, 0), z.get(b, 1)}, jac);
            CommonOps_DDRM.mult(a, jac, tangent);
            CommonOps_DDRM.pinv(tangent, pinv);
            CommonOps_DDRM.mult(-1, tangent, pinv, complement);
            for (int i = 0; i < M; i++) {
                complement.add(i, i, 1);
            }
            for (int i = 0; i < M; i++) {
                double t = 0;
                for (int i2 = 0; i2 < M; i2++) {
                    double r = y.get(b, i2);
                    for (int j = 0; j < n; j++) {
                        r -= a.get(i2, j) * x.get(b, j);
                        design.set(b * M + i, j * M + i2, complement.get(i, i2) * x.get(b, j));
                    }
                    t += complement.get(i, i2) * r;
                }
                target.set(b * M + i, 0, t);
            }
        }
        LinearSolverDense<DMatrixRMaj> ls = LinearSolverFactory_DDRM.leastSquares(W * M, M * n);
        assertTrue(ls.setA(design));
        DMatrixRMaj delta = new DMatrixRMaj(M * n, 1);
        ls.solve(target, delta);
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < n; j++) {
                double expected = delta.get(j * M + i, 0);
                worst = Math.max(worst, Math.abs(stepped.get(i, j) - a.get(i, j) - expected));
                scale = Math.max(scale, Math.abs(expected));
            }
        }
        assertTrue(scale > 1e-3, "a step worth checking: " + scale);
        assertTrue(worst <= 1e-9 * scale, "step differs from brute force by " + worst + " (scale " + scale + ")");
    }

    private static DMatrixRMaj random(int rows, int cols, SplittableRandom rng) {
        DMatrixRMaj out = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < out.data.length; i++) {
            out.data[i] = rng.nextDouble(-1, 1);
        }
        return out;
    }
}
