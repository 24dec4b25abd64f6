package io.gendict.priors;

import io.gendict.core.error.Checks;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LatentDistribution;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * A piecewise-linear G: R^{2k} → R^n whose outputs are k-sparse, so that classical dictionary
 * learning is y = A·G(z) (docs/algorithms.md §6, our 3-layer ReLU construction). The latent is
 * z = (p_1..p_k, v_1..v_k); slot s writes value v_s at coordinate j = round(p_s) ∈ 1..n:
 * <pre>
 *   b_s,j = clamp(2 − 4|p_s − j|, 0, 1)                  (the trapezoid of layer 1)
 *   x_j   = Σ_s soft(v_s, V·(1 − b_s,j)),   soft(v, τ) = ReLU(v − τ) − ReLU(−v − τ)
 * </pre>
 * For |v_s| ≤ V a slot touches only coordinate round(p_s); for |v_s| &gt; V the output turns
 * dense, which {@link #latentDistribution()} (values clipped to [−V, V]) never produces.
 *
 * <p>The VJP is the network's gradient with ReLU'(0) = 0. It is flat in p_s except on the ramps
 * 1/4 &lt; |p_s − j| &lt; 1/2, so gradient decoders cannot move a slot: decode this prior with OMP.
 *
 * @since 0.1
 */
public final class KSparsePrior implements GenerativePrior {
    private final Params params;
    private final int n;
    private final int k;
    private final double bound;

    /** @param params validated parameters: INT {@code n}, INT {@code k} ≤ n, DOUBLE {@code bound} &gt; 0 */
    public KSparsePrior(Params params) {
        this.params = params;
        this.n = params.getInt("n");
        this.k = params.getInt("k");
        this.bound = params.getDouble("bound");
    }

    @Override
    public int latentDim() {
        return 2 * k;
    }

    @Override
    public int outputDim() {
        return n;
    }

    @Override
    public Params params() {
        return params;
    }

    /** @return positions uniform on k distinct integers of 1..n, values N(0,1) clipped to [−V, V] */
    @Override
    public LatentDistribution latentDistribution() {
        return new KSparseLatents(n, k, bound);
    }

    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj out) {
        Checks.shape("Z", z, -1, 2 * k);
        out.reshape(z.numRows, n);
        double[] zd = z.data;
        double[] x = out.data;
        for (int r = 0; r < z.numRows; r++) {
            int zi = r * 2 * k;
            int xi = r * n;
            double dense = 0;
            for (int s = 0; s < k; s++) {
                dense += soft(zd[zi + k + s], bound);
            }
            Arrays.fill(x, xi, xi + n, dense);
            for (int s = 0; s < k; s++) {
                double p = zd[zi + s];
                int j = slot(p);
                if (j > 0) {
                    double v = zd[zi + k + s];
                    x[xi + j - 1] += soft(v, bound * (1 - ramp(p, j))) - soft(v, bound);
                }
            }
        }
    }

    @Override
    public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
        Checks.shape("Z", z, -1, 2 * k);
        Checks.shape("dX", dx, z.numRows, n);
        out.reshape(z.numRows, 2 * k);
        double[] zd = z.data;
        double[] g = dx.data;
        double[] o = out.data;
        for (int r = 0; r < z.numRows; r++) {
            int zi = r * 2 * k;
            int gi = r * n;
            double total = 0;
            for (int j = 0; j < n; j++) {
                total += g[gi + j];
            }
            for (int s = 0; s < k; s++) {
                double p = zd[zi + s];
                double v = zd[zi + k + s];
                int j = slot(p);
                double own = j > 0 ? g[gi + j - 1] : 0;
                double dv = Math.abs(v) > bound ? total - own : 0;
                double dp = 0;
                if (j > 0 && Math.abs(v) > bound * (1 - ramp(p, j))) {
                    dv += own;
                    double d = Math.abs(p - j);
                    double slope = d > 0.25 && d < 0.5 ? -4 * Math.signum(p - j) : 0;
                    dp = own * Math.signum(v) * bound * slope;
                }
                o[zi + s] = dp;
                o[zi + k + s] = dv;
            }
        }
    }

    /** @return the coordinate j ∈ 1..n with b_{s,j} &gt; 0 at position p, or 0 when there is none */
    private int slot(double p) {
        double j = Math.floor(p + 0.5);
        return j >= 1 && j <= n && Math.abs(p - j) < 0.5 ? (int) j : 0;
    }

    private static double ramp(double p, int j) {
        return Math.min(1, Math.max(0, 2 - 4 * Math.abs(p - j)));
    }

    private static double soft(double v, double tau) {
        return Math.max(v - tau, 0) - Math.max(-v - tau, 0);
    }
}
