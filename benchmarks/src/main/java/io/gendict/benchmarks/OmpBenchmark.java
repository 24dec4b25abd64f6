package io.gendict.benchmarks;

import io.gendict.baselines.omp.BatchOmp;
import io.gendict.core.data.SyntheticSource;
import io.gendict.core.spi.Codes;
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

import java.util.concurrent.TimeUnit;

/**
 * Batch-OMP (docs/algorithms.md §7.2, the baselines' sparse coder) of 30 or 1000 samples of the paper's
 * group-sparsity data over its 784×300 A*, with k = 10 non-zeros, including the Gram matrix AᵀA
 * that every new dictionary needs, on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class OmpBenchmark {
    private static final int SPARSITY = 10;

    /** Samples coded per call. */
    @Param({"30", "1000"})
    public int batch;

    private DMatrixRMaj d;
    private DMatrixRMaj y;

    /** Draws the dictionary and the samples. */
    @Setup
    public void setup() {
        SyntheticSource source = Fixtures.paperSource("group-sparsity");
        d = source.trueDictionary();
        y = source.next(batch).y();
    }

    /** @return the sparse codes */
    @Benchmark
    public Codes encode() {
        return BatchOmp.encode(d, y, SPARSITY, 0.0);
    }
}
