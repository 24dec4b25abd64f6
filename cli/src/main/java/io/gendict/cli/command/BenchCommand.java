package io.gendict.cli.command;

import com.google.gson.GsonBuilder;
import io.gendict.benchmarks.harness.ColdStart;
import io.gendict.benchmarks.harness.KernelBenchmark;
import io.gendict.benchmarks.harness.KernelBenchmark.Measurement;
import io.gendict.benchmarks.harness.KernelBenchmark.Report;
import io.gendict.benchmarks.harness.KernelBenchmark.Shape;
import io.gendict.benchmarks.harness.MethodBenchmark;
import io.gendict.benchmarks.harness.MethodBenchmark.Timing;
import io.gendict.benchmarks.harness.ScalingBenchmark;
import io.gendict.benchmarks.harness.ScalingBenchmark.SizePoint;
import io.gendict.benchmarks.harness.ScalingBenchmark.ThreadPoint;
import io.gendict.core.experiment.MethodCatalog;
import io.gendict.core.spi.Registry;
import io.gendict.cli.support.PluginsOption;
import io.gendict.cli.option.SeedOption;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gendict bench}: runs {@link KernelBenchmark} (GFLOP/s per product and implementation) and
 * {@link MethodBenchmark} (median seconds per training batch of each method on the paper's synthetic
 * settings) and prints them as tables, or as one JSON object {@code {"kernels": ..., "methods": [...]}}
 * with {@code --json}. {@code --scaling} and {@code --thread-scaling} run the {@link ScalingBenchmark}
 * studies instead (JSON keys {@code scaling} and {@code threadScaling}), {@code --cold-start} the
 * {@link ColdStart} probes (JSON key {@code coldStart}).
 *
 * @since 0.1
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure matrix-product GFLOP/s of the kernels (SIMD, scalar) and of EJML, and seconds per "
                + "training batch of each method on the paper's synthetic settings; or how that time grows with "
                + "batch size, m (--scaling) and threads (--thread-scaling); or how slow the first products of a "
                + "fresh JVM are (--cold-start).")
public final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the measurements as JSON.")
    private boolean json;

    @Option(names = "--threads", defaultValue = "2", description = "Threads of the parallel kernels and of each learner (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--repeats", defaultValue = "15", description = "Timed runs per case; slow cases use fewer (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--methods", split = MethodCatalog.LIST_SPLIT, paramLabel = "a,b,c",
            description = "Methods to time per training batch (default: fast, altmin, autodiff, algorithm1, mod, ksvd; "
                    + "with --scaling: fast, algorithm1); none with --methods=none.")
    private List<String> methods;

    @Option(names = "--method-batches", defaultValue = "5", description = "Most training batches timed per method (after the warm-up) (default: ${DEFAULT-VALUE}).")
    private int methodBatches;

    @Option(names = "--warm-up", defaultValue = "1", paramLabel = "SECONDS",
            description = "Untimed training of throwaway copies of a method's learners before its timed batches, for the "
                    + "JIT: at least one batch, more until this time has passed, at most 20 (default: ${DEFAULT-VALUE}).")
    private double warmUp;

    @Option(names = "--method-budget", defaultValue = "4", paramLabel = "SECONDS",
            description = "A method stops after 2 timed batches once it used this many seconds (default: ${DEFAULT-VALUE}).")
    private double methodBudget;

    @Option(names = "--no-kernels", description = "Skip the matrix-product measurements.")
    private boolean noKernels;

    @Option(names = "--shapes", split = ",", paramLabel = "MxKxN", converter = ShapeConverter.class,
            description = "Products (M×K)·(K×N) of the kernel measurements and of --cold-start, e.g. 784x300x30 "
                    + "(default: 784x300x30,784x300x1000,30x784x300,1000x1000x1000).")
    private List<Shape> shapes = KernelBenchmark.DEFAULT_SHAPES;

    @Option(names = "--cold-start", description = "Instead: the first products of a fresh JVM, one per shape and "
            + "kernel implementation, each in a new JVM: times until the JIT has compiled the kernels.")
    private boolean coldStart;

    @Option(names = "--scaling", description = "Instead: seconds per training batch over --batch-sizes and --dims "
            + "(group-sparsity with n = 300·m/784, k = 10), per sample and per sample·m·n.")
    private boolean scaling;

    @Option(names = "--batch-sizes", split = ",", paramLabel = "b,c,d",
            description = "Batch sizes of --scaling (default: 30,100,300,1000,3000).")
    private List<Integer> batchSizes = ScalingBenchmark.DEFAULT_BATCH_SIZES;

    @Option(names = "--dims", split = ",", paramLabel = "m1,m2",
            description = "Data dimensions m of --scaling (default: 196,784,3136).")
    private List<Integer> dims = ScalingBenchmark.DEFAULT_DIMENSIONS;

    @Option(names = "--thread-scaling", description = "Instead: each method's throughput with --threads threads over "
            + "one thread, on group-sparsity batches of 300 samples.")
    private boolean threadScaling;

    @Mixin
    private PluginsOption plugins;

    @Mixin
    private SeedOption seed;

    /** The JSON document of {@code --json}; absent parts are left out. */
    private record JsonReport(Report kernels, List<Timing> methods, List<SizePoint> scaling,
                              List<ThreadPoint> threadScaling, List<ColdStart.Case> coldStart) {
    }

    @Override
    public void run() {
        if (coldStart) {
            runColdStart();
            return;
        }
        if (scaling || threadScaling) {
            runScaling();
            return;
        }
        List<String> chosen = chosen(MethodBenchmark.DEFAULT_METHODS);
        MethodBenchmark timer = chosen.isEmpty() ? null : methodBenchmark();
        Report report = noKernels ? null : new KernelBenchmark(shapes, threads, repeats, seed.seed()).run();
        List<Timing> timings = timer == null ? List.of() : timer.run(MethodBenchmark.DEFAULT_SETTINGS, chosen);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(new JsonReport(report, timings, null, null, null), out);
        } else {
            if (report != null) {
                out.printf("JDK %s, %s, float64; GFLOP/s = 2·M·N·K / s; ×%d/×1: median speed-up over back-to-back"
                        + " pairs of runs%n", report.jdk(), report.simd(), report.threads());
                printTable(report, "median", Measurement::gflops, true, out);
                printTable(report, "best run", Measurement::bestGflops, false, out);
            }
            if (!timings.isEmpty()) {
                printTimings(timings, out);
            }
        }
        out.flush();
    }

    private void runScaling() {
        List<String> sizeMethods = scaling ? chosen(ScalingBenchmark.DEFAULT_METHODS) : null;
        List<String> threadMethods = threadScaling ? chosen(MethodBenchmark.DEFAULT_METHODS) : null;
        ScalingBenchmark bench = new ScalingBenchmark(methodBenchmark());
        List<SizePoint> sizes = scaling ? bench.sizes(dims, batchSizes, sizeMethods, threads) : null;
        List<ThreadPoint> speedups = threadScaling ? bench.threads(threadMethods, threads) : null;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(new JsonReport(null, null, sizes, speedups, null), out);
        } else {
            if (sizes != null) {
                printSizes(sizes, out);
            }
            if (speedups != null) {
                printSpeedups(speedups, out);
            }
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            out.printf("%nload average %.1f on %d cores at the end (other load distorts these figures)%n",
                    os.getSystemLoadAverage(), os.getAvailableProcessors());
        }
        out.flush();
    }

    private void runColdStart() {
        List<ColdStart.Case> cases = ColdStart.run(shapes, seed.seed());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(new JsonReport(null, null, null, null, cases), out);
        } else {
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
        out.flush();
    }

    private static void printJson(JsonReport report, PrintWriter out) {
        out.println(new GsonBuilder().setPrettyPrinting().create().toJson(report));
    }

    /** @return --methods (or {@code defaults}) in canonical form, each validated; empty for {@code none} */
    private List<String> chosen(List<String> defaults) {
        List<String> names = methods == null ? defaults : methods;
        if (names.equals(List.of("none"))) {
            return List.of();
        }
        List<String> canonical = names.stream().map(MethodCatalog::canonical).toList();
        canonical.forEach(new MethodCatalog(plugins.registry())::validate);
        return canonical;
    }

    private MethodBenchmark methodBenchmark() {
        Registry registry = plugins.registry();
        return new MethodBenchmark(registry, new MethodCatalog(registry), methodBatches, methodBudget, warmUp, threads,
                seed.seed());
    }

    private void printSizes(List<SizePoint> points, PrintWriter out) {
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

    private static void printSpeedups(List<ThreadPoint> points, PrintWriter out) {
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

    private void printTimings(List<Timing> timings, PrintWriter out) {
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

    private static void printTable(Report report, String title, ToDoubleFunction<Measurement> gflops,
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

    /** Parses {@code MxKxN} (also with {@code ×}) into a shape of positive sizes. */
    static final class ShapeConverter implements CommandLine.ITypeConverter<Shape> {
        @Override
        public Shape convert(String value) {
            String[] parts = value.trim().split("[x×]");
            if (parts.length != 3 || !Arrays.stream(parts).allMatch(p -> p.matches("[0-9]{1,5}") && Integer.parseInt(p) > 0)) {
                throw new CommandLine.TypeConversionException("expected MxKxN with sizes 1…99999, e.g. 784x300x30, got '"
                        + value + "'");
            }
            return new Shape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }
    }
}
