package io.gendict.theory.estimate;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;
import io.gendict.core.spi.ReluLayers;
import io.gendict.priors.DependenciesPriorProvider;
import io.gendict.priors.GroupSparsityPriorProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small priors for the estimator tests (the paper's two through their real providers). */
final class TestPriors {
    private TestPriors() {
    }

    private static Params named(String name) {
        return ParamSpec.empty().validate(name, Map.of());
    }

    /** G(z) = [z; 0] ∈ R^n, n ≥ k: an exact isometry onto the first k coordinates. */
    static GenerativePrior identityLike(int k, int n) {
        return new GenerativePrior() {
            @Override
            public int latentDim() {
                return k;
            }

            @Override

            public int outputDim() {
                return n;
            }

            @Override

            public void forward(DMatrixRMaj z, DMatrixRMaj out) {
                out.reshape(z.numRows, n);
                out.zero();
                for (int b = 0; b < z.numRows; b++) {
                    System.arraycopy(z.data, b * k, out.data, b * n, k);
                }
            }

            @Override

            public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
                out.reshape(z.numRows, k);
                for (int b = 0; b < z.numRows; b++) {
                    System.arraycopy(dx.data, b * n, out.data, b * k, k);
                }
            }

            @Override

            public Params params() {
                return named("identity-like");
            }
        };
    }

    /** G(z) = [z; z∘z; sin z] through the real provider. */
    static GenerativePrior dependencies(int k) {
        PriorProvider p = new DependenciesPriorProvider();
        return p.create(p.parameters().validate(p.name(), Map.of("k", k)));
    }

    /** G(z) = ReLU(M(z∘z)), M Bernoulli(0.6) drawn from the stream, through the real provider. */
    static GenerativePrior groupSparsity(int k, int n, SplittableRandom rng) {
        PriorProvider p = new GroupSparsityPriorProvider();
        return p.create(p.parameters().validate(p.name(), Map.of("n", n, "k", k, "p", 0.6, "seed", rng.nextLong())));
    }

    /** A Gaussian matrix with i.i.d. N(0, variance) entries. */
    static DMatrixRMaj gaussian(int rows, int cols, double variance, SplittableRandom rng) {
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        double sd = Math.sqrt(variance);
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = sd * Gaussian.next(rng);
        }
        return w;
    }

    /** A Uniform[0,1) m×n dictionary with unit-norm columns. */
    static DMatrixRMaj uniformDictionary(int m, int n, SplittableRandom rng) {
        DMatrixRMaj a = new DMatrixRMaj(m, n);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = rng.nextDouble();
        }
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += a.get(i, j) * a.get(i, j);
            }
            for (int i = 0; i < m; i++) {
                a.set(i, j, a.get(i, j) / Math.sqrt(s));
            }
        }
        return a;
    }

    /** Bias-free Gaussian ReLU net ReLU(W2 ReLU(W1 z)), W_i with N(0, 1/n_i) entries (n_i = rows). */
    static ReluNet reluNet(int k, int n1, int n2, SplittableRandom rng) {
        return new ReluNet(gaussian(n1, k, 1.0 / n1, rng), gaussian(n2, n1, 1.0 / n2, rng));
    }

    /** A two-layer bias-free ReLU network that exposes its weights. */
    static final class ReluNet implements GenerativePrior, ReluLayers {
        private final DMatrixRMaj w1;
        private final DMatrixRMaj w2;

        ReluNet(DMatrixRMaj w1, DMatrixRMaj w2) {
            this.w1 = w1;
            this.w2 = w2;
        }

        @Override

        public int latentDim() {
            return w1.numCols;
        }

        @Override

        public int outputDim() {
            return w2.numRows;
        }

        private DMatrixRMaj hidden(DMatrixRMaj z) {
            DMatrixRMaj h = new DMatrixRMaj(z.numRows, w1.numRows);
            CommonOps_DDRM.multTransB(z, w1, h);
            return h;
        }

        @Override

        public void forward(DMatrixRMaj z, DMatrixRMaj out) {
            DMatrixRMaj h = hidden(z);
            for (int i = 0; i < h.data.length; i++) {
                h.data[i] = Math.max(h.data[i], 0);
            }
            out.reshape(z.numRows, w2.numRows);
            CommonOps_DDRM.multTransB(h, w2, out);
            for (int i = 0; i < out.data.length; i++) {
                out.data[i] = Math.max(out.data[i], 0);
            }
        }

        @Override

        public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
            DMatrixRMaj pre1 = hidden(z);
            DMatrixRMaj h = pre1.copy();
            for (int i = 0; i < h.data.length; i++) {
                h.data[i] = Math.max(h.data[i], 0);
            }
            DMatrixRMaj pre2 = new DMatrixRMaj(z.numRows, w2.numRows);
            CommonOps_DDRM.multTransB(h, w2, pre2);
            DMatrixRMaj g2 = dx.copy();
            for (int i = 0; i < g2.data.length; i++) {
                g2.data[i] = pre2.data[i] > 0 ? g2.data[i] : 0;
            }
            DMatrixRMaj g1 = new DMatrixRMaj(z.numRows, w1.numRows);
            CommonOps_DDRM.mult(g2, w2, g1);
            for (int i = 0; i < g1.data.length; i++) {
                g1.data[i] = pre1.data[i] > 0 ? g1.data[i] : 0;
            }
            out.reshape(z.numRows, w1.numCols);
            CommonOps_DDRM.mult(g1, w1, out);
        }

        @Override

        public Params params() {
            return named("relu-net-test");
        }

        @Override

        public List<DMatrixRMaj> reluWeights() {
            return List.of(w1, w2);
        }
    }
}
