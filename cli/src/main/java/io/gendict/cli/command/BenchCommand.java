package io.gendict.cli.command;

import com.google.gson.GsonBuilder;
import io.gendict.core.bench.KernelBenchmark;
import io.gendict.core.bench.KernelBenchmark.Measurement;
import io.gendict.core.bench.KernelBenchmark.Report;
import io.gendict.core.bench.KernelBenchmark.Shape;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gendict bench}: runs {@link KernelBenchmark} and prints GFLOP/s per product and
 * implementation as a table, or as JSON with {@code --json}.
 *
 * @since 0.1
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure matrix-product GFLOP/s of the kernels (SIMD, scalar) and of EJML.")
public final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the measurements as JSON.")
    private boolean json;

    @Option(names = "--threads", defaultValue = "2", description = "Threads of the parallel variants (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--repeats", defaultValue = "15", description = "Timed runs per case; slow cases use fewer (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Override
    public void run() {
        Report report = new KernelBenchmark(KernelBenchmark.DEFAULT_SHAPES, threads, repeats, 1L).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(report));
        } else {
            out.printf("JDK %s, %s, float64; GFLOP/s = 2·M·N·K / s%n", report.jdk(), report.simd());
            printTable(report, "median", Measurement::gflops, out);
            printTable(report, "best run", Measurement::bestGflops, out);
        }
        out.flush();
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
