package io.gendict.benchmarks;

import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One forward pass X = G(Z) plus one vector–Jacobian product Jᵀ·dX on a batch of 30 latents drawn
 * from the prior's p_z, for each built-in prior created from its spec string by the registry. The
 * {@code mlp} prior reads a random 20 → 400 → 784 decoder written to a temporary {@code .npz} in setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PriorBenchmark {
    private static final Map<String, String> SPECS = Map.of(
            "dependencies", "dependencies:k=3",
            "group-sparsity", "group-sparsity:n=300,k=10,p=0.6,seed=1",
            "relu-net", "relu-net:widths=10,60,300,seed=1",
            "k-sparse", "k-sparse:n=300,k=10");

    /** The prior's name; its spec is the paper's setting (or the provider's defaults). */
    @Param({"dependencies", "group-sparsity", "relu-net", "k-sparse", "mlp"})
    public String prior;

    private GenerativePrior g;
    private DMatrixRMaj z;
    private DMatrixRMaj x;
    private DMatrixRMaj dx;
    private DMatrixRMaj dz;

    /** Creates the prior and draws the latents and cotangents. */
    @Setup
    public void setup() {
        Registry registry = Fixtures.registry();
        g = prior.equals("mlp") ? Fixtures.mlpPrior(registry) : registry.prior(SPECS.get(prior));
        SplittableRandom rng = new SplittableRandom(Fixtures.SEED);
        z = new DMatrixRMaj(Fixtures.BATCH, g.latentDim());
        g.latentDistribution().sample(rng, z);
        x = new DMatrixRMaj(Fixtures.BATCH, g.outputDim());
        dx = Fixtures.random(Fixtures.BATCH, g.outputDim(), rng);
        dz = new DMatrixRMaj(Fixtures.BATCH, g.latentDim());
    }

    /** @return Jᵀ·dX (after X = G(Z)), so that neither call is eliminated */
    @Benchmark
    public DMatrixRMaj forwardAndVjp() {
        g.forward(z, x);
        g.vjp(z, dx, dz);
        return dz;
    }
}
