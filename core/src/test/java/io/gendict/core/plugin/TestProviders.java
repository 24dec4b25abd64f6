package io.gendict.core.plugin;

import io.gendict.core.param.ParamSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.OracleProvider;
import io.gendict.core.spi.PriorProvider;
import io.gendict.core.spi.Registry;
import io.gendict.core.spi.UpdateRule;
import io.gendict.core.spi.UpdateRuleProvider;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * Test providers. {@link Prior}, {@link Oracle}, {@link Rule} and {@link Baseline} are registered on
 * the test classpath (src/test/resources/META-INF/services); {@link JarPrior}, {@link Throwing} and
 * {@link BadName} only in jars the tests write.
 */
public final class TestProviders {
    private TestProviders() {
    }

    /** G(z) = scale·z with k = n: "test-prior:k=3,scale=1". */
    public static class Prior implements PriorProvider {
        private final String name;

        /** The classpath provider "test-prior". */
        public Prior() {
            this("test-prior");
        }

        /** @param name the provider's name */
        public Prior(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "scaled identity G(z) = scale*z";
        }

        @Override
        public ParamSpec parameters() {
            return ParamSpec.builder()
                    .intParam("k", 3, 1, 100, "latent and output dimension")
                    .doubleParam("scale", 1.0, 0, 10, "scale factor")
                    .build();
        }

        @Override
        public GenerativePrior create(Params params) {
            return new ScaledIdentity(params);
        }
    }

    /** The jar-only prior "jar-prior". */
    public static final class JarPrior extends Prior {
        /** The jar provider. */
        public JarPrior() {
            super("jar-prior");
        }
    }

    /** A prior provider whose name cannot be written in a spec. */
    public static final class BadName extends Prior {
        /** Named "bad:name". */
        public BadName() {
            super("bad:name");
        }
    }

    /** A prior provider whose name() throws. */
    public static final class NameThrows extends Prior {
        @Override
        public String name() {
            throw new IllegalStateException("boom in name()");
        }
    }

    /** A prior provider whose name() recurses until the stack overflows. */
    public static final class NameOverflows extends Prior {
        @Override
        public String name() {
            return name() + "!";
        }
    }

    /** A prior provider whose name() fails an assertion. */
    public static final class NameAsserts extends Prior {
        @Override
        public String name() {
            throw new AssertionError("name not ready");
        }
    }

    /** A prior provider whose constructor throws. */
    public static final class Throwing extends Prior {
        /** Always throws. */
        public Throwing() {
            throw new IllegalStateException("boom in constructor");
        }
    }

    /** A namespaced jar prior "acme/nan-prior" whose forward pass returns NaN in its first output. */
    public static final class NanPrior extends Prior {
        /** The jar provider. */
        public NanPrior() {
            super("acme/nan-prior");
        }

        @Override
        public GenerativePrior create(Params params) {
            GenerativePrior base = new ScaledIdentity(params);
            return withForward(base, (z, out) -> {
                base.forward(z, out);
                out.data[0] = Double.NaN;
            });
        }
    }

    /** A jar prior "acme/throwing-prior" whose forward pass throws. */
    public static final class ForwardThrows extends Prior {
        /** The jar provider. */
        public ForwardThrows() {
            super("acme/throwing-prior");
        }

        @Override
        public GenerativePrior create(Params params) {
            return withForward(new ScaledIdentity(params), (z, out) -> {
                throw new IllegalStateException("index bug in forward");
            });
        }
    }

    /** @return {@code base} with another forward pass */
    private static GenerativePrior withForward(GenerativePrior base, BiConsumer<DMatrixRMaj, DMatrixRMaj> forward) {
        return new GenerativePrior() {
            @Override
            public int latentDim() {
                return base.latentDim();
            }

            @Override
            public int outputDim() {
                return base.outputDim();
            }

            @Override
            public void forward(DMatrixRMaj z, DMatrixRMaj out) {
                forward.accept(z, out);
            }

            @Override
            public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
                base.vjp(z, dx, out);
            }

            @Override
            public Params params() {
                return base.params();
            }
        };
    }

    /** A jar oracle "acme/nan-oracle": zero latents with NaN objectives. */
    public static final class NanObjectiveOracle implements OracleProvider {
        @Override
        public String name() {
            return "acme/nan-oracle";
        }

        @Override
        public String description() {
            return "returns z = 0 and NaN objectives";
        }

        @Override
        public ParamSpec parameters() {
            return ParamSpec.empty();
        }

        @Override
        public DecodeOracle create(Params params, Registry registry) {
            return (a, prior, y, start, rng) -> {
                double[] objective = new double[y.numRows];
                java.util.Arrays.fill(objective, Double.NaN);
                return new DecodeResult(new DMatrixRMaj(y.numRows, prior.latentDim()), objective, new int[y.numRows],
                        new boolean[y.numRows]);
            };
        }
    }

    /** "test-oracle": returns zero latents. */
    public static final class Oracle implements OracleProvider {
        @Override
        public String name() {
            return "test-oracle";
        }

        @Override
        public String description() {
            return "returns z = 0";
        }

        @Override
        public ParamSpec parameters() {
            return ParamSpec.builder().intParam("steps", 10, 1, 1000, "ignored").build();
        }

        @Override
        public DecodeOracle create(Params params, Registry registry) {
            return (a, prior, y, start, rng) -> new DecodeResult(new DMatrixRMaj(y.numRows, prior.latentDim()),
                    new double[y.numRows], new int[y.numRows], new boolean[y.numRows]);
        }
    }

    /** "test-rule": leaves A unchanged. */
    public static final class Rule implements UpdateRuleProvider {
        @Override
        public String name() {
            return "test-rule";
        }

        @Override
        public String description() {
            return "keeps A";
        }

        @Override
        public ParamSpec parameters() {
            return ParamSpec.empty();
        }

        @Override
        public UpdateRule create(Params params) {
            return new UpdateRule() {
                @Override
                public void start(DMatrixRMaj a0, GenerativePrior prior, SplittableRandom rng) {
                    // A stays as given.
                }

                @Override
                public void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x) {
                    // A stays as given.
                }
            };
        }
    }

    /** "test-baseline": only listed, never created in these tests. */
    public static final class Baseline implements BaselineProvider {
        @Override
        public String name() {
            return "test-baseline";
        }

        @Override
        public String description() {
            return "listing only";
        }

        @Override
        public ParamSpec parameters() {
            return ParamSpec.empty();
        }

        @Override
        public DictionaryLearner create(Params params, LearnerContext context) {
            throw new UnsupportedOperationException("test-baseline is never run");
        }
    }

    private record ScaledIdentity(Params params) implements GenerativePrior {
        @Override
        public int latentDim() {
            return params.getInt("k");
        }

        @Override
        public int outputDim() {
            return params.getInt("k");
        }

        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj out) {
            scale(z, out);
        }

        @Override
        public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
            scale(dx, out);
        }

        private void scale(DMatrixRMaj in, DMatrixRMaj out) {
            out.reshape(in.numRows, in.numCols);
            double s = params.getDouble("scale");
            for (int i = 0; i < in.getNumElements(); i++) {
                out.data[i] = s * in.data[i];
            }
        }
    }
}
