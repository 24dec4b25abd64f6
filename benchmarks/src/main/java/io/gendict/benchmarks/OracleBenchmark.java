package io.gendict.benchmarks;

import io.gendict.core.data.SyntheticSource;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One decode of a batch of 30 samples of the paper's synthetic data (docs/algorithms.md §3, σ = 0.1) with
 * the true dictionary A*, by each built-in oracle created from its name (its default parameters:
 * adam and gradient-descent 1000 steps, sign-flip and multi-start wrapping gauss-newton). Starts are
 * drawn from the prior's p_z with the same seed on every call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class OracleBenchmark {
    /** The paper's synthetic experiment. */
    @Param({"group-sparsity", "dependencies"})
    public String setting;

    /** The oracle spec. */
    @Param({"adam", "gradient-descent", "gauss-newton", "sign-flip", "multi-start"})
    public String oracle;

    private DecodeOracle decoder;
    private GenerativePrior prior;
    private DMatrixRMaj a;
    private DMatrixRMaj y;

    /** Creates the oracle and draws the batch. */
    @Setup
    public void setup() {
        decoder = Fixtures.registry().oracle(oracle);
        SyntheticSource source = Fixtures.paperSource(setting);
        prior = source.prior();
        a = source.trueDictionary();
        y = source.next(Fixtures.BATCH).y();
    }

    /** @return the decoded latents and objectives */
    @Benchmark
    public DecodeResult decode() {
        return decoder.decode(a, prior, y, null, new SplittableRandom(Fixtures.SEED));
    }
}
