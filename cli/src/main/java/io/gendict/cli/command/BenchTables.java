package io.gendict.cli.command;

import io.gendict.benchmarks.harness.ColdStart;
import io.gendict.benchmarks.harness.KernelBenchmark.Measurement;
import io.gendict.benchmarks.harness.KernelBenchmark.Report;
import io.gendict.benchmarks.harness.KernelBenchmark.Shape;
import io.gendict.benchmarks.harness.MethodBenchmark;
import io.gendict.benchmarks.harness.MethodBenchmark.Timing;
import io.gendict.benchmarks.harness.ScalingBenchmark;
import io.gendict.benchmarks.harness.ScalingBenchmark.SizePoint;
import io.gendict.benchmarks.harness.ScalingBenchmark.ThreadPoint;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The text tables of {@code gendict bench} ({@link BenchCommand}); {@code --json} prints the same figures. */
final class BenchTables {
    private BenchTables() {
    }

    /** Prints the --cold-start table: the first products of fresh JVMs. */
    static void printColdStart(List<ColdStart.Case> cases, PrintWriter out) {
        out.printf("cold start: the first products of a fresh JVM per case, ms; warm = median of the last calls;"
                + " warm at = first call within %.1f× of it; cold = the calls before it; JVM up = the JVM's"
                + " uptime when the first product was done%n", ColdStart.WARM_FACTOR);
        out.printf("%-24s%8s%10s%10s%9s%10s%9s%9s%n", "product", "kernel", "call 1", "calls 1-3", "warm at",
                "cold ms", "warm", "JVM up");
        for (ColdStart.Case c : cases) {
            out.printf("%-24s%8s%10.1f%10.1f%9d%10.1f%9.2f%9.0f%n", c.shape().label(), c.implementation(), c.firstMs(),
                    c.firstThreeMs(), c.warmAtCall(), c.coldMs(), c.warmMs(), c.uptimeAtFirstMs());
        }
    }

    /** Prints the kernels' GFLOP/s per product shape and implementation, with speed-ups over one thread. */
    static void printTable(Report report, String title, ToDoubleFunction<Measurement> gflops,
                                   boolean withSpeedups, PrintWriter out) {
        Map<Shape, Map<String, Measurement>> rows = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        List<String> speedups = new ArrayList<>();
        for (Measurement m : report.measurements()) {
            String column = m.implementation() + "×" + m.threads();
            if (!columns.contains(column)) {
                columns.add(column);
                if (withSpeedups && m.speedup() != null) {
                    speedups.add(column);
                }
            }
            rows.computeIfAbsent(m.shape(), s -> new LinkedHashMap<>()).put(column, m);
        }
        out.printf("%n%-24s", title);
        for (String c : columns) {
            out.printf("%11s", c);
        }
        out.printf("%11s", "simd/ejml");
        for (String c : speedups) {
            out.printf("%14s", c + "/×1");
        }
        out.println();
        for (Map.Entry<Shape, Map<String, Measurement>> row : rows.entrySet()) {
            out.printf("%-24s", row.getKey().label());
            for (String c : columns) {
                Measurement m = row.getValue().get(c);
                out.printf("%11s", m == null ? "-" : String.format("%.1f", gflops.applyAsDouble(m)));
            }
            Measurement simd = row.getValue().get("simd×1");
            Measurement ejml = row.getValue().get("ejml×1");
            out.printf("%11s", simd == null || ejml == null ? "-" : String.format("%.1f×", gflops.applyAsDouble(simd) / gflops.applyAsDouble(ejml)));
            for (String c : speedups) {
                Measurement m = row.getValue().get(c);
                out.printf("%14s", m == null ? "-" : String.format("%.2f×", m.speedup()));
            }
            out.println();
        }
    }

    /** Prints the seconds per training batch of each method and setting. */
    static void printTimings(List<Timing> timings, int threads, PrintWriter out) {
        out.printf("%nseconds per training batch (30 samples, %d threads, wall time); test: encoding %d×30 fresh "
                + "samples (median of %d passes) and the test error after the last batch%n", threads,
                MethodBenchmark.TEST_BATCHES, MethodBenchmark.TEST_PASSES);
        String method = methodColumn(timings.stream().map(Timing::method).toList());
        out.printf("%-16s" + method + "%9s%12s%12s%12s%12s%n", "setting", "method", "batches", "median s", "best s",
                "test s", "test error");
        for (Timing t : timings) {
            out.printf("%-16s" + method + "%9d%12.4f%12.4f%12.4f%12.4g%n", t.setting(), t.method(), t.batches(),
                    t.medianSeconds(), t.bestSeconds(), t.testSeconds(), t.testError());
        }
    }

    /** Prints the --scaling table: seconds per batch against batch size and m. */
    static void printSizes(List<SizePoint> points, int threads, PrintWriter out) {
        out.printf("seconds per training batch against batch size and m (group-sparsity, n = 300·m/784, k = 10; "
                + "%d threads, wall time)%n", threads);
        String method = methodColumn(points.stream().map(SizePoint::method).toList());
        out.printf(method + "%6s%6s%7s%9s%12s%14s%20s%n", "method", "m", "n", "batch", "batches", "median s",
                "ms/sample", "ns/(sample·m·n)");
        for (SizePoint p : points) {
            out.printf(method + "%6d%6d%7d%9d%12.4f%14.4f%20.4f%n", p.method(), p.m(), p.n(), p.batchSize(), p.batches(),
                    p.medianSeconds(), p.secondsPerSample() * 1e3, p.secondsPerSampleMn() * 1e9);
        }
    }

    /** Prints the --thread-scaling table: each method's speed-up with more threads. */
    static void printSpeedups(List<ThreadPoint> points, PrintWriter out) {
        out.printf("%nthread scaling: median seconds per batch of %d group-sparsity samples (m = 784, n = 300); speed-up: "
                + "median over batches of the paired ratio (same batch, fitted back to back)%n", ScalingBenchmark.THREAD_BATCH_SIZE);
        String method = methodColumn(points.stream().map(ThreadPoint::method).toList());
        out.printf(method + "%12s%12s%10s%n", "method", "1 thread", points.isEmpty() ? "T threads"
                : points.get(0).threads() + " threads", "speed-up");
        for (ThreadPoint p : points) {
            out.printf(method + "%12.4f%12.4f%9.2f×%n", p.method(), p.oneThread(), p.manyThreads(), p.speedup());
        }
    }

    /** @return a left-aligned format for a column of method names: 12 wide, or 2 more than the longest name */
    private static String methodColumn(List<String> methods) {
        int width = Math.max(12, methods.stream().mapToInt(String::length).max().orElse(0) + 2);
        return "%-" + width + "s";
    }
}
