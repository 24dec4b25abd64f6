package io.gendict.benchmarks.harness;

import io.gendict.core.error.Checks;
import io.gendict.core.kernel.BlockGemm;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Times C = A·B (float64) on fixed shapes for the SIMD and scalar kernel facades (1 and T threads)
 * and for EJML's {@link CommonOps_DDRM#mult}, reporting GFLOP/s = 2·M·N·K / median seconds. Each case
 * is warmed up until its speed settles, then timed {@code repeats} times; slow cases get fewer repeats (at least
 * 3) so that a case takes about 1.5 s. A parallel variant's speed-up over its single-threaded facade is
 * measured in pairs, the two run back to back on the same operands, and reported as the median of the
 * per-pair ratios: the machine's speed, which drifts between the two cases' separate timings, then
 * cancels out.
 *
 * @since 0.1
 */
public final class KernelBenchmark {
    /** The products timed by default: the paper's shapes and a square one. */
    public static final List<Shape> DEFAULT_SHAPES = List.of(
            new Shape(784, 300, 30), new Shape(784, 300, 1000), new Shape(30, 784, 300), new Shape(1000, 1000, 1000));
    private static final int MIN_REPEATS = 3;
    private static final double CASE_BUDGET_SECONDS = 1.5;
    private static final double WARMUP_ROUND_SECONDS = 0.25;
    private static final double WARMUP_GAIN = 0.05;
    private static final double WARMUP_MAX_SECONDS = 10;
    /** The first shape also waits for the JIT's optimizing compiler, which is slow on a busy machine. */
    private static final double FIRST_WARMUP_SECONDS = 2;

    private final List<Shape> shapes;
    private final int threads;
    private final int repeats;
    private final long seed;
    private final double firstWarmupSeconds;

    /**
     * @param shapes  the products to time
     * @param threads threads of the parallel variants, ≥ 1 (1 times single-threaded only)
     * @param repeats timed runs per case, ≥ 1 (fewer for slow cases, never below 3 unless asked)
     * @param seed    seed of the random inputs
     */
    public KernelBenchmark(List<Shape> shapes, int threads, int repeats, long seed) {
        this(shapes, threads, repeats, seed, FIRST_WARMUP_SECONDS);
    }

    /** As the public constructor, with the first shape's minimum warm-up given (tests use 0). */
    KernelBenchmark(List<Shape> shapes, int threads, int repeats, long seed, double firstWarmupSeconds) {
        Checks.parameter(threads >= 1, "threads: expected ≥ 1, got " + threads);
        Checks.parameter(repeats >= 1, "repeats: expected ≥ 1, got " + repeats);
        this.shapes = List.copyOf(shapes);
        this.threads = threads;
        this.repeats = repeats;
        this.seed = seed;
        this.firstWarmupSeconds = firstWarmupSeconds;
    }

    /** @return the report: one measurement per shape and implementation, in that order */
    public Report run() {
        List<Variant> variants = variants();
        List<Measurement> results = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        for (Shape s : shapes) {
            DMatrixRMaj a = random(s.m(), s.k(), rng);
            DMatrixRMaj b = random(s.k(), s.n(), rng);
            DMatrixRMaj c = new DMatrixRMaj(s.m(), s.n());
            Runnable single = null;
            for (Variant v : variants) {
                double minWarmup = s == shapes.get(0) ? firstWarmupSeconds : 0;
                Runnable call = () -> v.product.multiply(a, b, c);
                Measurement m = measure(s, v, call, minWarmup);
                if (v.threads == 1) {
                    single = call;
                    results.add(m);
                } else {
                    results.add(m.withSpeedup(pairedSpeedup(single, call, m.repeats())));
                }
            }
        }
        String kernel = Kernels.simd().map(Object::toString).orElse("simd unavailable");
        return new Report(Runtime.version().toString(), kernel, threads, results);
    }

    private List<Variant> variants() {
        List<Variant> variants = new ArrayList<>();
        List<BlockGemm> facades = new ArrayList<>();
        Kernels.simd().ifPresent(facades::add);
        facades.add(Kernels.scalar());
        for (BlockGemm f : facades) {
            // run() pairs each parallel variant with the single-threaded one just before it
            variants.add(new Variant(f.name(), 1, facadeProduct(f)));
            if (threads > 1) {
                variants.add(new Variant(f.name(), threads, facadeProduct(Kernels.parallel(f, threads))));
            }
        }
        variants.add(new Variant("ejml", 1, CommonOps_DDRM::mult));
        return variants;
    }

    private static Product facadeProduct(MatrixKernels k) {
        return (a, b, c) -> k.gemm(false, false, 1.0, a, b, 0.0, c);
    }

    private Measurement measure(Shape s, Variant v, Runnable call, double minWarmupSeconds) {
        double estimate = warmUp(call, minWarmupSeconds);
        int n = (int) Math.max(Math.min(repeats, MIN_REPEATS), Math.min(repeats, CASE_BUDGET_SECONDS / estimate));
        double[] seconds = new double[n];
        for (int i = 0; i < n; i++) {
            seconds[i] = time(call);
        }
        double median = median(seconds);
        Arrays.sort(seconds);
        return new Measurement(s.m(), s.k(), s.n(), v.name, v.threads, n, median, s.flops() / median / 1e9,
                s.flops() / seconds[0] / 1e9, null);
    }

    /** @return the median over {@code pairs} back-to-back runs of (single's seconds / parallel's seconds) */
    private static double pairedSpeedup(Runnable single, Runnable parallel, int pairs) {
        double[] ratios = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            ratios[i] = time(single) / time(parallel);
        }
        return median(ratios);
    }

    /** @return the median of {@code values} (the mean of the middle two for an even count); values are not reordered */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Runs rounds of at least 0.25 s until the fastest call has not improved by 5 % for two rounds in
     * a row and {@code minSeconds} have passed (the JIT has settled), or for 10 s at most.
     *
     * @return the fastest call seen, in seconds
     */
    private static double warmUp(Runnable call, double minSeconds) {
        long start = System.nanoTime();
        double best = Double.POSITIVE_INFINITY;
        int stale = 0;
        while (System.nanoTime() - start < WARMUP_MAX_SECONDS * 1e9) {
            long roundStart = System.nanoTime();
            double roundBest = Double.POSITIVE_INFINITY;
            do {
                roundBest = Math.min(roundBest, time(call));
            } while (System.nanoTime() - roundStart < WARMUP_ROUND_SECONDS * 1e9);
            stale = roundBest > best * (1 - WARMUP_GAIN) ? stale + 1 : 0;
            best = Math.min(best, roundBest);
            if (stale >= 2 && System.nanoTime() - start >= minSeconds * 1e9) {
                break;
            }
        }
        return best;
    }

    private static double time(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) * 1e-9;
    }

    /** @return a rows×cols matrix of Uniform[−1, 1) entries */
    static DMatrixRMaj random(int rows, int cols, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextDouble(-1.0, 1.0);
        }
        return m;
    }

    /** C = A·B with C preallocated. */
    private interface Product {
        void multiply(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);
    }

    private record Variant(String name, int threads, Product product) {
    }

    /**
     * The product (M×K)·(K×N).
     *
     * @param m rows of A and C
     * @param k columns of A, rows of B
     * @param n columns of B and C
     */
    public record Shape(int m, int k, int n) {
        /** @return 2·M·N·K, the floating-point operations of one product */
        public double flops() {
            return 2.0 * m * n * k;
        }

        /** @return e.g. {@code (784×300)·(300×30)} */
        public String label() {
            return "(" + m + "×" + k + ")·(" + k + "×" + n + ")";
        }
    }

    /**
     * One timed case.
     *
     * @param m              rows of A
     * @param k              inner dimension
     * @param n              columns of B
     * @param implementation {@code simd}, {@code scalar} or {@code ejml}
     * @param threads        threads used
     * @param repeats        timed runs
     * @param medianSeconds  median wall-clock time of one product
     * @param gflops         2·M·N·K / medianSeconds / 10⁹
     * @param bestGflops     the same for the fastest run (less sensitive to other load on the machine)
     * @param speedup        for a parallel variant, the median over {@code repeats} back-to-back pairs of
     *                       (single-threaded seconds / this variant's seconds); null for single-threaded ones
     */
    public record Measurement(int m, int k, int n, String implementation, int threads, int repeats,
                              double medianSeconds, double gflops, double bestGflops, Double speedup) {
        /** @return the shape measured */
        public Shape shape() {
            return new Shape(m, k, n);
        }

        Measurement withSpeedup(double pairedSpeedup) {
            return new Measurement(m, k, n, implementation, threads, repeats, medianSeconds, gflops, bestGflops,
                    pairedSpeedup);
        }
    }

    /**
     * All measurements of one run.
     *
     * @param jdk          the Java runtime version
     * @param simd         the SIMD kernels' description, or {@code simd unavailable}
     * @param threads      threads of the parallel variants
     * @param measurements one per shape and implementation
     */
    public record Report(String jdk, String simd, int threads, List<Measurement> measurements) {
    }
}
