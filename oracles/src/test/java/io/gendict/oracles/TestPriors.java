package io.gendict.oracles;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LinearFeatures;
import org.ejml.data.DMatrixRMaj;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Minimal test-local versions of the paper's two synthetic priors (ALGORITHMS.md §3). */
final class TestPriors {
    private TestPriors() {
    }

    /** @return G(z) = [z; z∘z; sin z], n = 3k */
    static GenerativePrior dependencies(int k) {
        return new GenerativePrior() {
            @Override
            public int latentDim() {
                return k;
            }

            @Override
            public int outputDim() {
                return 3 * k;
            }

            @Override
            public void forward(DMatrixRMaj z, DMatrixRMaj out) {
                for (int b = 0; b < z.numRows; b++) {
                    for (int i = 0; i < k; i++) {
                        double v = z.data[b * k + i];
                        out.data[b * 3 * k + i] = v;
                        out.data[b * 3 * k + k + i] = v * v;
                        out.data[b * 3 * k + 2 * k + i] = Math.sin(v);
                    }
                }
            }

            @Override
            public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
                for (int b = 0; b < z.numRows; b++) {
                    for (int i = 0; i < k; i++) {
                        double v = z.data[b * k + i];
                        int o = b * 3 * k;
                        out.data[b * k + i] = dx.data[o + i] + 2 * v * dx.data[o + k + i] + Math.cos(v) * dx.data[o + 2 * k + i];
                    }
                }
            }

            @Override
            public void jacobian(double[] z, DMatrixRMaj out) {
                out.reshape(3 * k, k);
                out.zero();
                for (int i = 0; i < k; i++) {
                    out.data[i * k + i] = 1;
                    out.data[(k + i) * k + i] = 2 * z[i];
                    out.data[(2 * k + i) * k + i] = Math.cos(z[i]);
                }
            }

            @Override
            public Params params() {
                return ParamSpec.empty().validate("dependencies", Map.of());
            }
        };
    }

    /** @return G(z) = ReLU(M·(z∘z)) with M Bernoulli(p), declaring its linear features */
    static GenerativePrior groupSparsity(int n, int k, double p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj mix = new DMatrixRMaj(n, k);
        for (int i = 0; i < n * k; i++) {
            mix.data[i] = rng.nextDouble() < p ? 1 : 0;
        }
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
                for (int b = 0; b < z.numRows; b++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int i = 0; i < k; i++) {
                            double v = z.data[b * k + i];
                            s += mix.data[j * k + i] * v * v;
                        }
                        out.data[b * n + j] = Math.max(s, 0);
                    }
                }
            }

            @Override
            public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
                for (int b = 0; b < z.numRows; b++) {
                    for (int i = 0; i < k; i++) {
                        double s = 0;
                        for (int j = 0; j < n; j++) {
                            s += mix.data[j * k + i] * dx.data[b * n + j];
                        }
                        out.data[b * k + i] = 2 * z.data[b * k + i] * s;
                    }
                }
            }

            @Override
            public boolean isEven() {
                return true;
            }

            @Override
            public Optional<LinearFeatures> linearFeatures() {
                return Optional.of(new LinearFeatures(mix, LinearFeatures.Feature.SQUARE));
            }

            @Override
            public Params params() {
                return ParamSpec.empty().validate("group-sparsity", Map.of());
            }
        };
    }
}
