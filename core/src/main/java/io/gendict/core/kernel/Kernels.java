package io.gendict.core.kernel;

import io.gendict.core.error.Checks;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the {@link MatrixKernels} implementation once per process: the Vector API kernels when the
 * {@code jdk.incubator.vector} module is in the boot layer and their class loads, else the scalar
 * ones. The system property {@code gendict.kernel=scalar|simd} overrides the choice (a request for
 * {@code simd} that cannot be met falls back to scalar with a warning). The SIMD class is loaded by
 * name, so nothing links to the incubator module when it is absent.
 *
 * @since 0.1
 */
public final class Kernels {
    /** System property that forces an implementation: {@code scalar} or {@code simd}. */
    public static final String PROPERTY = "gendict.kernel";
    private static final String SIMD_CLASS = "io.gendict.core.kernel.simd.VectorApiKernels";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    private Kernels() {
    }

    private static final class Holder {
        static final BlockGemm INSTANCE = select(System.getProperty(PROPERTY));
    }

    /** @return the process-wide kernels (single-threaded) */
    public static MatrixKernels get() {
        return Holder.INSTANCE;
    }

    /**
     * Kernels whose {@link MatrixKernels#gemm} splits large products over {@code threads} threads of a
     * shared daemon pool; results are bit-identical to {@link #get()}'s. Other operations run on the
     * calling thread.
     *
     * @param threads number of threads, ≥ 1 (1 returns {@link #get()})
     * @return the kernels
     */
    public static MatrixKernels parallel(int threads) {
        return parallel(Holder.INSTANCE, threads);
    }

    /**
     * Same as {@link #parallel(int)} over a given implementation, e.g. to compare implementations.
     *
     * @param base    the single-threaded kernels
     * @param threads number of threads, ≥ 1 (1 returns {@code base})
     * @return the kernels
     */
    public static MatrixKernels parallel(BlockGemm base, int threads) {
        Checks.parameter(threads >= 1, "threads: expected ≥ 1, got " + threads);
        return threads == 1 ? base : new ParallelKernels(base, threads);
    }

    /** @return the plain-Java kernels */
    public static BlockGemm scalar() {
        return new ScalarKernels();
    }

    /** @return the Vector API kernels, or empty when {@code jdk.incubator.vector} is absent or they fail to load */
    public static Optional<BlockGemm> simd() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of((BlockGemm) Class.forName(SIMD_CLASS).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.debug("cannot load {}", SIMD_CLASS, e);
            return Optional.empty();
        }
    }

    /**
     * The selection rule behind {@link #get()}, logged once.
     *
     * @param requested the value of {@value #PROPERTY}: {@code scalar}, {@code simd}, or null for automatic
     * @return the chosen kernels
     */
    static BlockGemm select(String requested) {
        String want = requested == null ? "" : requested.trim().toLowerCase(Locale.ROOT);
        if (want.equals("scalar")) {
            LOG.info("matrix kernels: scalar ({}={})", PROPERTY, requested);
            return scalar();
        }
        if (!want.isEmpty() && !want.equals("simd")) {
            LOG.warn("{}={} is not scalar or simd; choosing automatically", PROPERTY, requested);
        }
        Optional<BlockGemm> simd = simd();
        if (simd.isPresent()) {
            LOG.info("matrix kernels: {}", simd.get());
            return simd.get();
        }
        if (want.equals("simd")) {
            LOG.warn("{}=simd but module {} is unavailable (run with --add-modules {}); using scalar kernels",
                    PROPERTY, VECTOR_MODULE, VECTOR_MODULE);
        } else {
            LOG.info("matrix kernels: scalar (module {} not present; add --add-modules {} for SIMD)",
                    VECTOR_MODULE, VECTOR_MODULE);
        }
        return scalar();
    }
}
