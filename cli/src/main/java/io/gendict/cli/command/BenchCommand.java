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
import java.util.Arrays;
import java.util.List;
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
                BenchTables.printTable(report, "median", Measurement::gflops, true, out);
                BenchTables.printTable(report, "best run", Measurement::bestGflops, false, out);
            }
            if (!timings.isEmpty()) {
                BenchTables.printTimings(timings, threads, out);
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
                BenchTables.printSizes(sizes, threads, out);
            }
            if (speedups != null) {
                BenchTables.printSpeedups(speedups, out);
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
            BenchTables.printColdStart(cases, out);
        }
        out.flush();
    }

    private static void printJson(JsonReport report, PrintWriter out) {
        out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(report));
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
