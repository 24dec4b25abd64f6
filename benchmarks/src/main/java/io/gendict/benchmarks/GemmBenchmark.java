package io.gendict.benchmarks;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
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
 * C = A·B (float64, single thread) through {@link MatrixKernels#gemm} on the paper's shapes — the
 * decode product (784×300)·(300×30), the same for a batch of 1000, and the update's
 * (30×784)ᵀ-shaped (30×784)·(784×300) — with the SIMD and the scalar kernels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBenchmark {
    /** M×K×N of (M×K)·(K×N). */
    @Param({"784x300x30", "784x300x1000", "30x784x300"})
    public String shape;

    /** {@code simd} or {@code scalar}. */
    @Param({"simd", "scalar"})
    public String kernel;

    private MatrixKernels kernels;
    private DMatrixRMaj a;
    private DMatrixRMaj b;
    private DMatrixRMaj c;

    /** Draws A and B and picks the kernels; fails when {@code simd} is asked for but unavailable. */
    @Setup
    public void setup() {
        String[] dims = shape.split("x");
        int m = Integer.parseInt(dims[0]);
        int k = Integer.parseInt(dims[1]);
        int n = Integer.parseInt(dims[2]);
        SplittableRandom rng = new SplittableRandom(Fixtures.SEED);
        a = Fixtures.random(m, k, rng);
        b = Fixtures.random(k, n, rng);
        c = new DMatrixRMaj(m, n);
        kernels = kernel.equals("simd")
                ? Kernels.simd().orElseThrow(() -> new GendictException(ErrorKind.INVALID_PARAMETER,
                        "kernel simd: unavailable, expected the JVM option --add-modules jdk.incubator.vector"))
                : Kernels.scalar();
    }

    /** @return C, so that the product is not eliminated */
    @Benchmark
    public DMatrixRMaj gemm() {
        kernels.gemm(false, false, 1.0, a, b, 0.0, c);
        return c;
    }
}
