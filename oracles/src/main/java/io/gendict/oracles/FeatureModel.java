package io.gendict.oracles;

import io.gendict.core.error.Checks;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LinearFeatures;
import org.ejml.data.DMatrixRMaj;

import java.util.Optional;

/**
 * The decode objective f(z) = ‖y − E·h(z)‖² written with an effective dictionary E (m×q) and a
 * feature map h: R^k → R^q. In general E = A and h = G (q = n). When the prior declares
 * {@link LinearFeatures} G(z) = M·φ(z), E = A·M and h = φ (q = k): the same objective, computed in
 * k dimensions. The Gram matrix Q = EᵀE (q×q) is formed once. Immutable after construction;
 * per-sample work goes through {@link Sample} workspaces (one per thread). When m·q is at most
 * {@value #SCALAR_WORK} the per-sample products use the scalar kernels: at such sizes SIMD lanes and
 * tails cost more than they save (Gauss–Newton decodes of figure 1a, m·q = 90: 13–26% faster), and
 * scalar code runs near full speed before the JIT has compiled the Vector API. Those kernels skip
 * zero entries of a product's left factor, so the Gauss–Newton matrix is then formed as (2·J_hᵀ·Q)·J_h:
 * the Jacobians of coordinate-wise maps (figure 1a's [z; z∘z; sin z]) are mostly zeros (decodes of figure
 * 1a 10% faster than Q·J_h first).
 */
final class FeatureModel {
    /** Largest m·q whose per-sample products use the scalar kernels. */
    private static final long SCALAR_WORK = 256;
    private static final MatrixKernels SCALAR = Kernels.scalar();
    final int m;
    final int k;
    final int q;
    final DMatrixRMaj e;
    final DMatrixRMaj gram;
    private final MatrixKernels kernels;
    private final GenerativePrior prior;
    private final LinearFeatures.Feature feature;

    private FeatureModel(DMatrixRMaj e, GenerativePrior prior, LinearFeatures.Feature feature) {
        this.e = e;
        this.prior = prior;
        this.feature = feature;
        this.m = e.numRows;
        this.q = e.numCols;
        this.k = prior.latentDim();
        this.kernels = (long) m * q <= SCALAR_WORK ? SCALAR : Kernels.get();
        this.gram = new DMatrixRMaj(q, q);
        Kernels.get().gemm(true, false, 1, e, e, 0, gram);
    }

    /**
     * @param a          m×n dictionary. Not modified (and not copied: keep it unchanged while in use).
     * @param prior      the prior
     * @param useLinear  whether to use the prior's {@link LinearFeatures} declaration when present
     * @return the model
     */
    static FeatureModel of(DMatrixRMaj a, GenerativePrior prior, boolean useLinear) {
        Checks.finite("dictionary A", a);
        Optional<LinearFeatures> lf = useLinear ? prior.linearFeatures() : Optional.empty();
        if (lf.isEmpty()) {
            return new FeatureModel(a, prior, null);
        }
        DMatrixRMaj mix = lf.get().mixing();
        DMatrixRMaj e = new DMatrixRMaj(a.numRows, mix.numCols);
        Kernels.get().gemm(false, false, 1, a, mix, 0, e);
        return new FeatureModel(e, prior, lf.get().feature());
    }

    /** @return the declared feature map φ, or null when h = G */
    LinearFeatures.Feature feature() {
        return feature;
    }

    /**
     * Batched features H = h(Z).
     *
     * @param z   B×k. Not modified.
     * @param out B×q, overwritten
     */
    void features(DMatrixRMaj z, DMatrixRMaj out) {
        if (feature == null) {
            prior.forward(z, out);
        } else if (feature == LinearFeatures.Feature.IDENTITY) {
            out.setTo(z);
        } else {
            Kernels.get().multiply(z.numRows * k, z.data, z.data, out.data);
        }
    }

    /**
     * Batched vector–Jacobian product of h: row b of out is J_h(z_b)ᵀ·dh_b.
     *
     * @param z   B×k. Not modified.
     * @param dh  B×q. Not modified.
     * @param out B×k, overwritten
     */
    void vjp(DMatrixRMaj z, DMatrixRMaj dh, DMatrixRMaj out) {
        if (feature == null) {
            prior.vjp(z, dh, out);
        } else if (feature == LinearFeatures.Feature.IDENTITY) {
            out.setTo(dh);
        } else {
            int size = z.numRows * k;
            for (int i = 0; i < size; i++) {
                out.data[i] = 2 * z.data[i] * dh.data[i];
            }
        }
    }

    /**
     * Batched P = Y·E (B×q), the data term of the Gram form ∇_h f = 2(Q·h − p).
     *
     * @param y B×m. Not modified.
     * @return a new B×q matrix
     */
    DMatrixRMaj project(DMatrixRMaj y) {
        DMatrixRMaj p = new DMatrixRMaj(y.numRows, q);
        Kernels.get().gemm(false, false, 1, y, e, 0, p);
        return p;
    }

    /**
     * Exact per-sample objectives, from the residual (no Gram-form cancellation).
     *
     * @param z   B×k latents. Not modified.
     * @param y   B×m observations. Not modified.
     * @param out length ≥ B; entry b overwritten with ‖y_b − E·h(z_b)‖² = ‖y_b − A·G(z_b)‖²
     */
    void objectives(DMatrixRMaj z, DMatrixRMaj y, double[] out) {
        Sample s = sample();
        for (int b = 0; b < y.numRows; b++) {
            System.arraycopy(z.data, b * k, s.z, 0, k);
            out[b] = s.evaluate(y.data, b * m);
        }
    }

    /** @return a fresh per-sample workspace */
    Sample sample() {
        return new Sample();
    }

    /**
     * Per-sample evaluation of f, its gradient and its Gauss–Newton matrix at one latent, without
     * allocation. {@link #bind} a sample first, then {@link #evaluate()}; {@link #gradient} and
     * {@link #gaussNewton} refer to the last evaluated point. With linear features (q = k) f is
     * evaluated in the Gram form f = ‖y‖² − 2·pᵀh + hᵀQh with p = Eᵀy formed once per sample, in
     * O(k²) instead of O(m·k); {@link #exact} always uses the residual. Not thread-safe.
     */
    final class Sample {
        final double[] z = new double[k];
        private final DMatrixRMaj zRow = DMatrixRMaj.wrap(1, k, z);
        private final double[] h = new double[q];
        private final DMatrixRMaj hRow = DMatrixRMaj.wrap(1, q, h);
        private final double[] r = new double[m];
        private final double[] t = new double[q];
        private final DMatrixRMaj jac = new DMatrixRMaj(q, k);
        private final DMatrixRMaj qj = new DMatrixRMaj(q, k);
        private final DMatrixRMaj jq = new DMatrixRMaj(k, q);
        private final boolean gramForm = feature != null;
        private final double[] yb = new double[m];
        private final double[] p = new double[q];
        private double yy;

        /**
         * Selects the sample the next evaluations refer to.
         *
         * @param y    observations. Not modified.
         * @param yOff offset of this sample's m entries in {@code y}
         */
        void bind(double[] y, int yOff) {
            System.arraycopy(y, yOff, yb, 0, m);
            if (gramForm) {
                kernels.gemv(true, 1, e, yb, 0, p);
                yy = kernels.dot(m, yb, 0, yb, 0);
            }
        }

        /**
         * @param y    observations
         * @param yOff offset of this sample's m entries in {@code y}
         * @return f(z) = ‖y − E·h(z)‖² at the current {@link #z}, for this sample (which becomes bound)
         */
        double evaluate(double[] y, int yOff) {
            bind(y, yOff);
            return evaluate();
        }

        /** @return f at the current {@link #z} for the bound sample (Gram form with linear features) */
        double evaluate() {
            if (!gramForm) {
                return exact();
            }
            features(zRow, hRow);
            double s = yy;
            for (int i = 0; i < q; i++) {
                double qh = 0;
                int row = i * q;
                for (int j = 0; j < q; j++) {
                    qh += gram.data[row + j] * h[j];
                }
                t[i] = qh - p[i];
                s += h[i] * (qh - 2 * p[i]);
            }
            return Math.max(s, 0);
        }

        /** @return f at the current {@link #z} for the bound sample, from the residual E·h(z) − y */
        double exact() {
            features(zRow, hRow);
            kernels.gemv(false, 1, e, h, 0, r);
            double s = 0;
            for (int i = 0; i < m; i++) {
                double d = r[i] - yb[i];
                r[i] = d;
                s += d * d;
            }
            return s;
        }

        /**
         * @param g length k, overwritten with ∇f = 2·J_hᵀ·Eᵀ·(E·h − y) at the last evaluated point
         */
        void gradient(double[] g) {
            if (gramForm) {
                for (int i = 0; i < k; i++) {
                    g[i] = 2 * diagonalJacobian(i) * t[i];
                }
                return;
            }
            kernels.gemv(true, 1, e, r, 0, t);
            jacobian();
            kernels.gemv(true, 2, jac, t, 0, g);
        }

        /**
         * @param out k×k, overwritten with the Gauss–Newton matrix 2·J_hᵀ·Q·J_h at the point of the
         *            last {@link #gradient} call
         */
        void gaussNewton(DMatrixRMaj out) {
            if (gramForm) {
                for (int i = 0; i < k; i++) {
                    double ji = 2 * diagonalJacobian(i);
                    for (int j = 0; j < k; j++) {
                        out.data[i * k + j] = ji * gram.data[i * k + j] * diagonalJacobian(j);
                    }
                }
                return;
            }
            if (kernels == SCALAR) {
                kernels.gemm(true, false, 2, jac, gram, 0, jq);
                kernels.gemm(false, false, 1, jq, jac, 0, out);
            } else {
                kernels.gemm(false, false, 1, gram, jac, 0, qj);
                kernels.gemm(true, false, 2, jac, qj, 0, out);
            }
        }

        private double diagonalJacobian(int i) {
            return feature == LinearFeatures.Feature.IDENTITY ? 1 : 2 * z[i];
        }

        private void jacobian() {
            prior.jacobian(z, jac);
        }
    }
}
