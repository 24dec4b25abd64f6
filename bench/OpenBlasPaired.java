import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.DMatrixRMaj;

/**
 * Paired, in-process GFLOP/s of gendict's matrix product and OpenBLAS's {@code cblas_dgemm} on the paper's
 * shapes: the two alternate on the same operands in one JVM, so the ratio gendict / OpenBLAS does not
 * depend on how fast this shared machine happens to be that minute (the NumPy script measures the two
 * sides a minute apart). Float64, row-major, C = A·B. GFLOP/s = 2·M·N·K / seconds. A third contender in
 * each round is a loop of independent register-only FMAs on the widest vectors: the core's float64
 * peak at that moment (one thread: the "peak" column), against which both products are given as
 * fractions of threads × peak.
 *
 * <p>Needs JDK 22+ (the foreign-function API), the gendict jar and an OpenBLAS shared library: by default
 * the one bundled with the NumPy of {@code python3}, else Debian's {@code libopenblas.so.0}. From the
 * repository root (builds nothing; run {@code ./gendict --version} first to build the jar):
 *
 * <pre>
 * env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/lib/jvm/temurin-25-jdk-amd64/bin/java \
 *   --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *   -cp cli/target/gendict.jar bench/OpenBlasPaired.java [--threads 1] [--repeats 15] [--lib PATH]
 * </pre>
 *
 * With {@code --threads} above 1, OpenBLAS must be told not to keep its idle threads spinning between
 * products ({@code OPENBLAS_THREAD_TIMEOUT=4}); they would otherwise occupy the cores while gendict runs.
 *
 * <p>Each shape is warmed up for two seconds (both sides alternating, so the JIT has compiled gendict's
 * kernels), then timed {@code --repeats} times in pairs; the table gives each side's median, the median
 * and range of the per-pair ratios, and the largest relative difference between the two products.
 */
public final class OpenBlasPaired {
    private static final int[][] SHAPES = {{784, 300, 30}, {784, 300, 1000}, {30, 784, 300}, {1000, 1000, 1000}};
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Independent FMA chains in the peak loop: enough to cover the FMA latency on both FMA ports. */
    private static final int CHAINS = 12;
    private static volatile double sink;

    private OpenBlasPaired() {
    }

    public static void main(String[] args) throws Throwable {
        int threads = 1;
        int repeats = 15;
        Path lib = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--threads" -> threads = positive("--threads", value);
                case "--repeats" -> repeats = positive("--repeats", value);
                case "--lib" -> lib = Path.of(required("--lib", value));
                default -> fail("unknown argument " + args[i] + " (expected --threads N, --repeats N, --lib PATH)");
            }
            i++;
        }
        if (threads > 1 && System.getenv("OPENBLAS_THREAD_TIMEOUT") == null) {
            fail("with --threads > 1, set OPENBLAS_THREAD_TIMEOUT=4: OpenBLAS's idle threads otherwise spin for"
                    + " a while after each product and take the cores gendict's threads run on next");
        }
        Blas blas = Blas.open(lib == null ? findOpenBlas() : lib, threads);
        MatrixKernels gendict = Kernels.parallel(threads);
        System.out.printf("OpenBLAS %s (%s, core %s), gendict %s, %d thread(s), Java %s%n", blas.path, blas.dgemm,
                blas.coreName(), Kernels.get(), threads, Runtime.version());
        for (String variable : List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")) {
            if (System.getenv(variable) != null) {
                System.out.printf("note: %s=%s is set%n", variable, System.getenv(variable));
            }
        }
        System.out.printf("%-24s %10s %10s %22s %8s %8s %8s %10s%n", "product", "OpenBLAS", "gendict",
                "gendict/OpenBLAS", "peak", "OB/peak", "gd/peak", "rel.diff");
        Random random = new Random(1);
        try (Arena arena = Arena.ofConfined()) {
            for (int[] shape : SHAPES) {
                time(shape, gendict, blas, threads, arena, random, repeats);
            }
        }
    }

    private static void time(int[] shape, MatrixKernels gendict, Blas blas, int threads, Arena arena, Random random,
                             int repeats) {
        int m = shape[0];
        int k = shape[1];
        int n = shape[2];
        DMatrixRMaj a = random(m, k, random);
        DMatrixRMaj b = random(k, n, random);
        DMatrixRMaj c = new DMatrixRMaj(m, n);
        MemorySegment na = arena.allocateFrom(ValueLayout.JAVA_DOUBLE, a.data);
        MemorySegment nb = arena.allocateFrom(ValueLayout.JAVA_DOUBLE, b.data);
        MemorySegment nc = arena.allocate(ValueLayout.JAVA_DOUBLE, (long) m * n);
        Runnable ours = () -> gendict.gemm(false, false, 1, a, b, 0, c);
        Runnable theirs = () -> blas.gemm(m, n, k, na, nb, nc);
        long flops = 2L * m * n * k;
        int inner = (int) Math.max(1, 100_000_000L / flops);
        long fmaSteps = flops * inner / (2L * CHAINS * SPECIES.length());
        Runnable peak = () -> sink = fmaLoop(fmaSteps);
        long warmEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmEnd) {
            seconds(theirs, inner);
            seconds(ours, inner);
            seconds(peak, 1);
        }
        double[] gfTheirs = new double[repeats];
        double[] gfOurs = new double[repeats];
        double[] gfPeak = new double[repeats];
        double[] ratio = new double[repeats];
        double[] theirsToPeak = new double[repeats];
        double[] oursToPeak = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            gfTheirs[r] = flops * inner / seconds(theirs, inner) / 1e9;
            gfOurs[r] = flops * inner / seconds(ours, inner) / 1e9;
            gfPeak[r] = 2.0 * CHAINS * SPECIES.length() * fmaSteps / seconds(peak, 1) / 1e9;
            ratio[r] = gfOurs[r] / gfTheirs[r];
            theirsToPeak[r] = gfTheirs[r] / (threads * gfPeak[r]);
            oursToPeak[r] = gfOurs[r] / (threads * gfPeak[r]);
        }
        double diff = 0;
        for (int i = 0; i < c.data.length; i++) {
            double x = nc.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
            diff = Math.max(diff, Math.abs(c.data[i] - x) / Math.max(Math.abs(x), Double.MIN_NORMAL));
        }
        Arrays.sort(ratio);
        System.out.printf("%-24s %10.1f %10.1f %8.3f [%.3f–%.3f] %8.1f %8.2f %8.2f %10.1e%n",
                "(%d×%d)·(%d×%d)".formatted(m, k, k, n), median(gfTheirs), median(gfOurs), median(ratio), ratio[0],
                ratio[repeats - 1], median(gfPeak), median(theirsToPeak), median(oursToPeak), diff);
    }

    /** {@value #CHAINS} independent chains of {@code steps} FMAs each, on registers only. */
    private static double fmaLoop(long steps) {
        DoubleVector x = DoubleVector.broadcast(SPECIES, 1.0000001);
        DoubleVector y = DoubleVector.broadcast(SPECIES, 0.9999999);
        DoubleVector c0 = y, c1 = y, c2 = y, c3 = y, c4 = y, c5 = y, c6 = y, c7 = y, c8 = y, c9 = y, c10 = y, c11 = y;
        for (long i = 0; i < steps; i++) {
            c0 = c0.fma(x, y);
            c1 = c1.fma(x, y);
            c2 = c2.fma(x, y);
            c3 = c3.fma(x, y);
            c4 = c4.fma(x, y);
            c5 = c5.fma(x, y);
            c6 = c6.fma(x, y);
            c7 = c7.fma(x, y);
            c8 = c8.fma(x, y);
            c9 = c9.fma(x, y);
            c10 = c10.fma(x, y);
            c11 = c11.fma(x, y);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }

    private static double seconds(Runnable product, int times) {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            product.run();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static DMatrixRMaj random(int rows, int cols, Random random) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < matrix.data.length; i++) {
            matrix.data[i] = random.nextDouble();
        }
        return matrix;
    }

    /** The OpenBLAS bundled with python3's NumPy (numpy.libs beside the package), else Debian's. */
    private static Path findOpenBlas() throws IOException, InterruptedException {
        Process python = new ProcessBuilder("python3", "-c", "import numpy, os; print(os.path.dirname(numpy.__file__))")
                .redirectErrorStream(true).start();
        String numpyDir = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        Path bundled = Path.of(numpyDir).resolveSibling("numpy.libs");
        if (python.waitFor() == 0 && Files.isDirectory(bundled)) {
            try (Stream<Path> files = Files.list(bundled)) {
                List<Path> found = files.filter(f -> f.getFileName().toString().contains("openblas")).toList();
                if (!found.isEmpty()) {
                    return found.get(0);
                }
            }
        }
        Path debian = Path.of("/usr/lib/x86_64-linux-gnu/libopenblas.so.0");
        if (Files.exists(debian)) {
            return debian;
        }
        return fail("no OpenBLAS found: python3's NumPy bundles none and " + debian + " is missing; pass --lib PATH");
    }

    private static int positive(String option, String value) {
        String text = required(option, value);
        int parsed = text.matches("[0-9]{1,9}") ? Integer.parseInt(text) : 0;
        return parsed >= 1 ? parsed : fail(option + ": expected a positive integer, got " + text);
    }

    private static String required(String option, String value) {
        return value != null ? value : fail(option + ": missing value");
    }

    private static <T> T fail(String message) {
        System.err.println("OpenBlasPaired: " + message);
        System.exit(2);
        throw new AssertionError(message);
    }

    /**
     * The entry points of one OpenBLAS build: scipy-openblas wheels prefix and suffix their symbols and
     * take 64-bit integers; Debian's library uses the plain names and 32-bit integers.
     */
    private record Blas(Path path, String dgemm, MethodHandle gemmHandle, boolean wideInts, MethodHandle coreNameHandle) {
        private static final String[][] NAMES = {
            {"scipy_cblas_dgemm64_", "scipy_openblas_set_num_threads64_", "scipy_openblas_get_corename64_"},
            {"cblas_dgemm", "openblas_set_num_threads", "openblas_get_corename"},
        };

        static Blas open(Path path, int threads) throws Throwable {
            if (!Files.isReadable(path)) {
                fail("cannot read OpenBLAS library " + path);
            }
            Linker linker = Linker.nativeLinker();
            SymbolLookup lookup = SymbolLookup.libraryLookup(path, Arena.global());
            for (String[] names : NAMES) {
                if (lookup.find(names[0]).isEmpty()) {
                    continue;
                }
                boolean wide = names[0].endsWith("64_");
                ValueLayout integer = wide ? ValueLayout.JAVA_LONG : ValueLayout.JAVA_INT;
                MethodHandle gemm = linker.downcallHandle(lookup.find(names[0]).orElseThrow(), FunctionDescriptor.ofVoid(
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, integer, integer, integer,
                        ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, integer, ValueLayout.ADDRESS, integer,
                        ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, integer));
                MethodHandle setThreads = linker.downcallHandle(lookup.find(names[1]).orElseThrow(),
                        FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
                setThreads.invoke(threads);
                MethodHandle coreName = linker.downcallHandle(lookup.find(names[2]).orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.ADDRESS));
                return new Blas(path, names[0], gemm, wide, coreName);
            }
            return fail(path + " exports neither scipy_cblas_dgemm64_ nor cblas_dgemm");
        }

        String coreName() throws Throwable {
            return ((MemorySegment) coreNameHandle.invoke()).reinterpret(64).getString(0);
        }

        /** C = A·B, all row-major and contiguous: A is m×k, B k×n, C m×n. */
        void gemm(int m, int n, int k, MemorySegment a, MemorySegment b, MemorySegment c) {
            try {
                if (wideInts) {
                    gemmHandle.invokeExact(ROW_MAJOR, NO_TRANS, NO_TRANS, (long) m, (long) n, (long) k, 1.0, a, (long) k,
                            b, (long) n, 0.0, c, (long) n);
                } else {
                    gemmHandle.invokeExact(ROW_MAJOR, NO_TRANS, NO_TRANS, m, n, k, 1.0, a, k, b, n, 0.0, c, n);
                }
            } catch (Throwable e) {
                throw new IllegalStateException("cblas_dgemm failed", e);
            }
        }
    }
}
