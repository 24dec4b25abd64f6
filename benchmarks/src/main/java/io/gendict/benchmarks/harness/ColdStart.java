package io.gendict.benchmarks.harness;

import io.gendict.benchmarks.harness.KernelBenchmark.Shape;
import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.BlockGemm;
import io.gendict.core.kernel.Kernels;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * How long the first matrix products of a fresh JVM take, before the JIT has compiled the kernels (the
 * Vector API runs orders of magnitude slower interpreted): each case — one shape, one implementation —
 * runs in a new child JVM started with this JVM's options and class path, which times its first calls
 * of C = A·B (float64) one by one and prints them. The summary gives the first call, the first three,
 * how many calls and milliseconds pass until a call is within {@value #WARM_FACTOR}× of the warm time
 * (the median of the last {@value #WARM_CALLS} calls), and the JVM's uptime when the first product is
 * done (start-up included).
 *
 * @since 0.1
 */
public final class ColdStart {
    /** Most calls timed per case. */
    static final int MAX_CALLS = 20;
    /** Fewest calls timed per case, however slow. */
    static final int MIN_CALLS = 8;
    /** A case stops adding calls (beyond {@value #MIN_CALLS}) once it has run this long. */
    private static final double BUDGET_SECONDS = 5;
    /** The warm time is the median of this many last calls. */
    static final int WARM_CALLS = 5;
    /** A call counts as warm within this factor of the warm time. */
    public static final double WARM_FACTOR = 1.5;
    private static final String OUTPUT_PREFIX = "cold-start-ms:";
    /** JVM options not passed on to the children: debuggers, agents and recordings bound to this process. */
    private static final List<String> PRIVATE_OPTIONS = List.of("-agentlib", "-javaagent", "-Xrunjdwp",
            "-XX:StartFlightRecording", "-Xdebug");

    private ColdStart() {
    }

    /**
     * Runs each shape with each available implementation (simd when the Vector API is present, scalar)
     * in its own child JVM.
     *
     * @param shapes the products to time
     * @param seed   seed of the random operands
     * @return one case per shape and implementation, in that order
     */
    public static List<Case> run(List<Shape> shapes, long seed) {
        List<String> implementations = new ArrayList<>();
        Kernels.simd().ifPresent(k -> implementations.add(k.name()));
        implementations.add(Kernels.scalar().name());
        List<Case> cases = new ArrayList<>();
        for (Shape s : shapes) {
            for (String implementation : implementations) {
                cases.add(fromOutput(s, implementation, child(s, implementation, seed)));
            }
        }
        return cases;
    }

    /**
     * The child side: times the first calls of one product in this JVM and prints
     * {@code cold-start-ms: <uptime at the end of call 1> <call 1> <call 2> ...} on one line.
     *
     * @param args m, k, n, implementation ({@code simd} or {@code scalar}), seed
     */
    public static void main(String[] args) {
        Shape shape = new Shape(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        BlockGemm kernels = args[3].equals(Kernels.scalar().name()) ? Kernels.scalar()
                : Kernels.simd().orElseThrow(() -> new IllegalStateException("simd kernels unavailable"));
        SplittableRandom rng = new SplittableRandom(Long.parseLong(args[4]));
        DMatrixRMaj a = KernelBenchmark.random(shape.m(), shape.k(), rng);
        DMatrixRMaj b = KernelBenchmark.random(shape.k(), shape.n(), rng);
        DMatrixRMaj c = new DMatrixRMaj(shape.m(), shape.n());
        StringBuilder line = new StringBuilder(OUTPUT_PREFIX);
        long start = System.nanoTime();
        for (int call = 0; call < MAX_CALLS && (call < MIN_CALLS || System.nanoTime() - start < BUDGET_SECONDS * 1e9);
             call++) {
            long t = System.nanoTime();
            kernels.gemm(false, false, 1, a, b, 0, c);
            double millis = (System.nanoTime() - t) / 1e6;
            if (call == 0) {
                line.append(' ').append(ManagementFactory.getRuntimeMXBean().getUptime());
            }
            line.append(' ').append(String.format(Locale.ROOT, "%.4f", millis));
        }
        System.out.println(line);
    }

    /**
     * The summary of one case's call times.
     *
     * @param shape           the product
     * @param implementation  {@code simd} or {@code scalar}
     * @param uptimeAtFirstMs the child JVM's uptime when its first product was done, ms
     * @param callMillis      the calls' times in order, ms; at least {@value #WARM_CALLS}
     * @return the case
     */
    static Case summarize(Shape shape, String implementation, double uptimeAtFirstMs, double[] callMillis) {
        Checks.parameter(callMillis.length >= WARM_CALLS, "cold start: expected ≥ " + WARM_CALLS + " calls, got "
                + callMillis.length);
        double warm = KernelBenchmark.median(Arrays.copyOfRange(callMillis, callMillis.length - WARM_CALLS,
                callMillis.length));
        int warmAt = 0;
        double coldMillis = 0;
        while (callMillis[warmAt] > WARM_FACTOR * warm) {
            coldMillis += callMillis[warmAt++];
        }
        return new Case(shape.m(), shape.k(), shape.n(), implementation, uptimeAtFirstMs, callMillis[0],
                callMillis[0] + callMillis[1] + callMillis[2], warmAt + 1, coldMillis, warm, callMillis.clone());
    }

    /** @return the case from a child's printed numbers: uptime, then the call times */
    private static Case fromOutput(Shape shape, String implementation, double[] output) {
        return summarize(shape, implementation, output[0], Arrays.copyOfRange(output, 1, output.length));
    }

    /** @return the numbers the child printed: uptime, then the call times */
    private static double[] child(Shape s, String implementation, long seed) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (PRIVATE_OPTIONS.stream().noneMatch(option::startsWith)) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdStart.class.getName(),
                Integer.toString(s.m()), Integer.toString(s.k()), Integer.toString(s.n()), implementation,
                Long.toString(seed)));
        String what = "cold start of " + s.label() + " (" + implementation + ")";
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            String line = output.lines().filter(l -> l.startsWith(OUTPUT_PREFIX)).findFirst().orElse(null);
            if (exit != 0 || line == null) {
                String last = output.lines().reduce((first, second) -> second).orElse("no output");
                throw new GendictException(ErrorKind.IO, what + ": child JVM exited with " + exit + ": " + last);
            }
            return Arrays.stream(line.substring(OUTPUT_PREFIX.length()).trim().split(" "))
                    .mapToDouble(Double::parseDouble).toArray();
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, what + ": cannot start a JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GendictException(ErrorKind.IO, what + ": interrupted", e);
        }
    }

    /**
     * The first calls of one product in a fresh JVM.
     *
     * @param m               rows of A
     * @param k               inner dimension
     * @param n               columns of B
     * @param implementation  {@code simd} or {@code scalar}
     * @param uptimeAtFirstMs the JVM's uptime when the first product was done (start-up included), ms
     * @param firstMs         the first call, ms
     * @param firstThreeMs    the first three calls together, ms
     * @param warmAtCall      the first call (1-based) within {@value #WARM_FACTOR}× of {@code warmMs}
     * @param coldMs          the calls before it together, ms
     * @param warmMs          the median of the last {@value #WARM_CALLS} calls, ms
     * @param callMs          every call's time in order, ms
     */
    public record Case(int m, int k, int n, String implementation, double uptimeAtFirstMs, double firstMs,
                       double firstThreeMs, int warmAtCall, double coldMs, double warmMs, double[] callMs) {
        /** @return the shape timed */
        public Shape shape() {
            return new Shape(m, k, n);
        }
    }
}
