package io.gendict.priors;

import io.gendict.core.error.Checks;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

/**
 * G(z) = [z; z∘z; sin z] ∈ R^{3k} (paper figure 1a, k = 3; docs/algorithms.md §1): output entries
 * 0..k−1 are z, k..2k−1 are z_i², 2k..3k−1 are sin z_i. Its Jacobian is three stacked diagonals
 * I, diag(2z), diag(cos z).
 *
 * @since 0.1
 */
public final class DependenciesPrior implements GenerativePrior {
    private final Params params;
    private final int k;

    /** @param params validated parameters with INT {@code k} ≥ 1 */
    public DependenciesPrior(Params params) {
        this.params = params;
        this.k = params.getInt("k");
    }

    @Override
    public int latentDim() {
        return k;
    }

    @Override
    public int outputDim() {
        return 3 * k;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj out) {
        Checks.shape("Z", z, -1, k);
        out.reshape(z.numRows, 3 * k);
        double[] zd = z.data;
        double[] x = out.data;
        for (int b = 0; b < z.numRows; b++) {
            int zi = b * k;
            int xi = b * 3 * k;
            for (int i = 0; i < k; i++) {
                double v = zd[zi + i];
                x[xi + i] = v;
                x[xi + k + i] = v * v;
                x[xi + 2 * k + i] = Math.sin(v);
            }
        }
    }

    /** Row b: dz_i = dx_i + 2 z_i·dx_{k+i} + cos z_i·dx_{2k+i}. */
    @Override
    public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
        Checks.shape("Z", z, -1, k);
        Checks.shape("dX", dx, z.numRows, 3 * k);
        out.reshape(z.numRows, k);
        double[] zd = z.data;
        double[] g = dx.data;
        double[] o = out.data;
        for (int b = 0; b < z.numRows; b++) {
            int zi = b * k;
            int gi = b * 3 * k;
            for (int i = 0; i < k; i++) {
                double v = zd[zi + i];
                o[zi + i] = g[gi + i] + 2 * v * g[gi + k + i] + Math.cos(v) * g[gi + 2 * k + i];
            }
        }
    }

    @Override
    public void jacobian(double[] z, DMatrixRMaj out) {
        out.reshape(3 * k, k);
        out.zero();
        for (int i = 0; i < k; i++) {
            out.unsafe_set(i, i, 1);
            out.unsafe_set(k + i, i, 2 * z[i]);
            out.unsafe_set(2 * k + i, i, Math.cos(z[i]));
        }
    }
}
