package io.gendict.core.contract;

import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/** The evaluations of a prior that {@link PriorChecks} compares: outputs with VJPs, and VJP Jacobians with finite differences. */
final class PriorEvaluations {
    private PriorEvaluations() {
    }

    /**
     * @param repeats how many times to evaluate (the last results are returned)
     * @return G(z) and the VJP dxᵀ·J(z), concatenated
     */
    static double[] forwardAndVjp(GenerativePrior prior, DMatrixRMaj z, DMatrixRMaj dx, int repeats) {
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        DMatrixRMaj dz = new DMatrixRMaj(1, 1);
        for (int r = 0; r < repeats; r++) {
            prior.forward(z, x);
            prior.vjp(z, dx, dz);
        }
        double[] out = Arrays.copyOf(x.data, x.getNumElements() + dz.getNumElements());
        System.arraycopy(dz.data, 0, out, x.getNumElements(), dz.getNumElements());
        return out;
    }

    /**
     * @param z a latent point, length k
     * @return ‖J_fd − J‖_F / max(‖J‖_F, ‖J_fd‖_F) of the Jacobian from n unit-cotangent VJPs against
     *         central differences with steps h_j = {@link PriorChecks#FD_STEP}·max(1, |z_j|); 0 when both vanish
     */
    static double finiteDifferenceError(GenerativePrior prior, double[] z) {
        int n = prior.outputDim();
        int k = prior.latentDim();
        DMatrixRMaj pm = new DMatrixRMaj(2 * k, k);
        double[] steps = new double[k];
        for (int j = 0; j < k; j++) {
            double h = PriorChecks.FD_STEP * Math.max(1, Math.abs(z[j]));
            System.arraycopy(z, 0, pm.data, 2 * j * k, k);
            System.arraycopy(z, 0, pm.data, (2 * j + 1) * k, k);
            pm.data[2 * j * k + j] = z[j] + h;
            pm.data[(2 * j + 1) * k + j] = z[j] - h;
            steps[j] = pm.data[2 * j * k + j] - pm.data[(2 * j + 1) * k + j];
        }
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        prior.forward(pm, x);
        DMatrixRMaj zs = new DMatrixRMaj(n, k);
        DMatrixRMaj eye = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            System.arraycopy(z, 0, zs.data, i * k, k);
            eye.data[i * n + i] = 1;
        }
        DMatrixRMaj jac = new DMatrixRMaj(1, 1);
        prior.vjp(zs, eye, jac);
        double diff = 0;
        double ref = 0;
        double fdNorm = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double fd = (x.data[2 * j * n + i] - x.data[(2 * j + 1) * n + i]) / steps[j];
                double an = jac.data[i * k + j];
                diff += (fd - an) * (fd - an);
                ref += an * an;
                fdNorm += fd * fd;
            }
        }
        double scale = Math.sqrt(Math.max(ref, fdNorm));
        return scale == 0 ? 0 : Math.sqrt(diff) / scale;
    }
}
