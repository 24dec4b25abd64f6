package io.gendict.benchmarks.harness;

import io.gendict.benchmarks.harness.MethodBenchmark.Timing;
import io.gendict.core.error.Checks;
import io.gendict.core.experiment.SyntheticPreset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the time per training batch grows, measured with a {@link MethodBenchmark}:
 * <ul>
 *   <li>{@link #sizes}: over batch sizes and data dimensions m, on a group-sparsity prior scaled with
 *       m (n = 300·m/784 rounded, k = 10, p = 0.6, σ = 0.1; m = 784 is the paper's figure 1b), with
 *       the cost per sample and per sample·m·n, which stay flat where the cost is linear;</li>
 *   <li>{@link #threads}: on the paper's group-sparsity setting with batches of
 *       {@value #THREAD_BATCH_SIZE}, the throughput with T threads over that with one, the two learners
 *       fitting the same batches in turn.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class ScalingBenchmark {
    /** Batch sizes timed by default. */
    public static final List<Integer> DEFAULT_BATCH_SIZES = List.of(30, 100, 300, 1000, 3000);
    /** Data dimensions m timed by default. */
    public static final List<Integer> DEFAULT_DIMENSIONS = List.of(196, 784, 3136);
    /** Methods timed by default: this project's and the paper's Algorithm 1 (as stated, no iteration cut). */
    public static final List<String> DEFAULT_METHODS = List.of("fast", "algorithm1");
    /** Samples per batch of the thread-scaling measurement. */
    public static final int THREAD_BATCH_SIZE = 300;
    private static final int PAPER_M = 784;
    private static final int PAPER_N = 300;
    private static final int LATENT_DIM = 10;

    private final MethodBenchmark bench;

    /** @param bench times one method per batch */
    public ScalingBenchmark(MethodBenchmark bench) {
        this.bench = bench;
    }

    /**
     * @param m data dimension, ≥ 1
     * @return the scaled group-sparsity setting: n = round(300·m/784) (at least 1), k = 10, p = 0.6, σ = 0.1
     */
    public static SyntheticPreset groupSparsity(int m) {
        Checks.parameter(m >= 1, "m: expected ≥ 1, got " + m);
        return new SyntheticPreset("group-sparsity-m" + m, "group-sparsity:n=" + outputDim(m) + ",k=" + LATENT_DIM
                + ",p=0.6", m, SyntheticPreset.GROUP_SPARSITY.sigma());
    }

    private static int outputDim(int m) {
        return Math.max(1, (int) Math.round((double) PAPER_N * m / PAPER_M));
    }

    /**
     * @param dimensions data dimensions m
     * @param batchSizes samples per batch
     * @param methods    method names
     * @param threads    threads each learner may use, ≥ 1
     * @return one point per m, batch size and method, in that order
     */
    public List<SizePoint> sizes(List<Integer> dimensions, List<Integer> batchSizes, List<String> methods, int threads) {
        List<SizePoint> out = new ArrayList<>();
        for (int m : dimensions) {
            SyntheticPreset preset = groupSparsity(m);
            for (int b : batchSizes) {
                for (String method : methods) {
                    out.add(SizePoint.of(m, outputDim(m), bench.time(preset, method, b, threads)));
                }
            }
        }
        return out;
    }

    /**
     * @param methods method names
     * @param threads the thread count compared with one, ≥ 2
     * @return one comparison per method, in that order
     */
    public List<ThreadPoint> threads(List<String> methods, int threads) {
        Checks.parameter(threads >= 2, "threads: expected ≥ 2 for a thread-scaling comparison, got " + threads);
        List<ThreadPoint> out = new ArrayList<>();
        for (String method : methods) {
            List<Timing> pair = bench.time(SyntheticPreset.GROUP_SPARSITY, method, THREAD_BATCH_SIZE,
                    List.of(1, threads));
            Timing one = pair.get(0);
            Timing many = pair.get(1);
            double[] ratios = new double[one.batches()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = one.batchSeconds().get(i) / many.batchSeconds().get(i);
            }
            Arrays.sort(ratios);
            out.add(new ThreadPoint(method, THREAD_BATCH_SIZE, threads, one.medianSeconds(), many.medianSeconds(),
                    ratios[ratios.length / 2]));
        }
        return out;
    }

    /**
     * One cell of the size scaling table.
     *
     * @param m                  data dimension
     * @param n                  prior output dimension (atoms)
     * @param method             method name
     * @param batchSize          samples per training batch
     * @param batches            training batches timed
     * @param medianSeconds      median seconds per batch
     * @param secondsPerSample   medianSeconds / batchSize
     * @param secondsPerSampleMn medianSeconds / (batchSize·m·n)
     */
    public record SizePoint(int m, int n, String method, int batchSize, int batches, double medianSeconds,
                            double secondsPerSample, double secondsPerSampleMn) {
        static SizePoint of(int m, int n, Timing t) {
            double perSample = t.medianSeconds() / t.batchSize();
            return new SizePoint(m, n, t.method(), t.batchSize(), t.batches(), t.medianSeconds(), perSample,
                    perSample / ((double) m * n));
        }
    }

    /**
     * One method's thread scaling.
     *
     * @param method         method name
     * @param batchSize      samples per training batch
     * @param threads        the thread count compared with one
     * @param oneThread      median seconds per batch with one thread
     * @param manyThreads    median seconds per batch with {@code threads} threads
     * @param speedup        the throughput ratio: the median over batches of the seconds with one thread over
     *                       those with {@code threads} on the same batch, fitted right after (paired, so that
     *                       load that comes and goes cancels)
     */
    public record ThreadPoint(String method, int batchSize, int threads, double oneThread, double manyThreads,
                              double speedup) {
    }
}
