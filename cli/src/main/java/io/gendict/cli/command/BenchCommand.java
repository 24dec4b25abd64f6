package io.gendict.cli.command;

import com.google.gson.GsonBuilder;
import io.gendict.core.bench.KernelBenchmark;
import io.gendict.core.bench.KernelBenchmark.Measurement;
import io.gendict.core.bench.KernelBenchmark.Report;
import io.gendict.core.bench.KernelBenchmark.Shape;
import io.gendict.core.bench.MethodBenchmark;
import io.gendict.core.bench.MethodBenchmark.Timing;
import io.gendict.core.experiment.MethodCatalog;
import io.gendict.core.spi.Registry;
import io.gendict.cli.option.PluginsOption;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gendict bench}: runs {@link KernelBenchmark} (GFLOP/s per product and implementation) and
 * {@link MethodBenchmark} (median seconds per training batch of each method on the paper's synthetic
 * settings) and prints them as tables, or as one JSON object {@code {"kernels": ..., "methods": [...]}}
 * with {@code --json}.
 *
 * @since 0.1
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure matrix-product GFLOP/s of the kernels (SIMD, scalar) and of EJML, and seconds per "
                + "training batch of each method on the paper's synthetic settings.")
public final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the measurements as JSON.")
    private boolean json;

    @Option(names = "--threads", defaultValue = "2", description = "Threads of the parallel variants (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--repeats", defaultValue = "15", description = "Timed runs per case; slow cases use fewer (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--methods", split = ",", paramLabel = "a,b,c",
            description = "Methods to time per training batch (default: fast, altmin, autodiff, algorithm1, mod, ksvd); "
                    + "none with --methods=none.")
    private List<String> methods = MethodBenchmark.DEFAULT_METHODS;

    @Option(names = "--method-batches", defaultValue = "5", description = "Most training batches timed per method (after one untimed) (default: ${DEFAULT-VALUE}).")
    private int methodBatches;

    @Option(names = "--method-budget", defaultValue = "4", paramLabel = "SECONDS",
            description = "A method stops after 2 timed batches once it used this many seconds (default: ${DEFAULT-VALUE}).")
    private double methodBudget;

    @Option(names = "--no-kernels", description = "Skip the matrix-product measurements.")
    private boolean noKernels;

    @Mixin
    private PluginsOption plugins;

    /** The JSON document of {@code --json}. */
    private record JsonReport(Report kernels, List<Timing> methods) {
    }

    @Override
    public void run() {
        Report report = noKernels ? null : new KernelBenchmark(KernelBenchmark.DEFAULT_SHAPES, threads, repeats, 1L).run();
        List<String> chosen = methods.equals(List.of("none")) ? List.of()
                : methods.stream().map(MethodCatalog::canonical).toList();
        List<Timing> timings = List.of();
        if (!chosen.isEmpty()) {
            Registry registry = plugins.registry();
            MethodCatalog catalog = new MethodCatalog(registry);
            chosen.forEach(catalog::validate);
            timings = new MethodBenchmark(registry, catalog, methodBatches, methodBudget, threads, 1L)
                    .run(MethodBenchmark.DEFAULT_SETTINGS, chosen);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(new JsonReport(report, timings)));
        } else {
            if (report != null) {
                out.printf("JDK %s, %s, float64; GFLOP/s = 2·M·N·K / s%n", report.jdk(), report.simd());
                printTable(report, "median", Measurement::gflops, out);
                printTable(report, "best run", Measurement::bestGflops, out);
            }
            if (!timings.isEmpty()) {
                printTimings(timings, out);
            }
        }
        out.flush();
    }

    private void printTimings(List<Timing> timings, PrintWriter out) {
        out.printf("%nseconds per training batch (30 samples, %d threads, wall time)%n", threads);
        out.printf("%-16s%-12s%9s%12s%12s%n", "setting", "method", "batches", "median s", "best s");
        for (Timing t : timings) {
            out.printf("%-16s%-12s%9d%12.4f%12.4f%n", t.setting(), t.method(), t.batches(), t.medianSeconds(), t.bestSeconds());
        }
    }

    private static void printTable(Report report, String title, ToDoubleFunction<Measurement> gflops,
                                   PrintWriter out) {
        Map<Shape, Map<String, Measurement>> rows = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        for (Measurement m : report.measurements()) {
            String column = m.implementation() + "×" + m.threads();
            if (!columns.contains(column)) {
                columns.add(column);
            }
            rows.computeIfAbsent(m.shape(), s -> new LinkedHashMap<>()).put(column, m);
        }
        out.printf("%n%-24s", title);
        for (String c : columns) {
            out.printf("%11s", c);
        }
        out.printf("%11s%n", "simd/ejml");
        for (Map.Entry<Shape, Map<String, Measurement>> row : rows.entrySet()) {
            out.printf("%-24s", row.getKey().label());
            for (String c : columns) {
                Measurement m = row.getValue().get(c);
                out.printf("%11s", m == null ? "-" : String.format("%.1f", gflops.applyAsDouble(m)));
            }
            Measurement simd = row.getValue().get("simd×1");
            Measurement ejml = row.getValue().get("ejml×1");
            out.printf("%11s%n", simd == null || ejml == null ? "-" : String.format("%.1f×", gflops.applyAsDouble(simd) / gflops.applyAsDouble(ejml)));
        }
    }
}
