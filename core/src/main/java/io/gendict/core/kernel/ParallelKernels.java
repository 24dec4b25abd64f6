package io.gendict.core.kernel;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.ejml.data.DMatrixRMaj;

/**
 * Splits a large {@link #gemm} into disjoint blocks of C — column bands, so that each thread packs only
 * its own part of B while A is shared, or row bands when C is too narrow for that — one per thread, run
 * on a shared pool of daemon threads (the caller computes the first band). Since {@link BlockGemm} computes every entry the same way in any block, results are
 * bit-identical to the single-threaded product. Products below {@link #MIN_PARALLEL_MACS}
 * multiply–adds, and all other operations, run on the calling thread.
 */
final class ParallelKernels implements MatrixKernels {
    /**
     * Smallest M·N·K worth splitting: below it, the hand-off costs more than it saves. Waking an idle
     * pool thread takes 35–150 µs on a virtual machine (measured on the 2-core KVM guest this was tuned
     * on), as long as about 4M multiply–adds take on one core.
     */
    static final long MIN_PARALLEL_MACS = 1L << 23;
    /** Band boundaries are multiples of these, so that bands cover whole register tiles (6 rows, 4·8 columns). */
    private static final int ROW_ALIGN = 12;
    private static final int COL_ALIGN = 32;
    /** C is split into column bands when it has at least this many columns, else into row bands. */
    private static final int MIN_SPLIT_COLS = 4 * COL_ALIGN;

    private final BlockGemm base;
    private final int threads;
    private final long minParallelMacs;

    ParallelKernels(BlockGemm base, int threads) {
        this(base, threads, MIN_PARALLEL_MACS);
    }

    /** @param minParallelMacs smallest M·N·K split between threads (tests use small ones to split small products) */
    ParallelKernels(BlockGemm base, int threads, long minParallelMacs) {
        this.base = base;
        this.threads = threads;
        this.minParallelMacs = minParallelMacs;
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public String toString() {
        return base + " × " + threads + " threads";
    }

    @Override
    public void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b, double beta,
                     DMatrixRMaj c) {
        int m = c.numRows;
        int n = c.numCols;
        long k = transA ? a.numRows : a.numCols;
        boolean byRows = n < MIN_SPLIT_COLS;
        int extent = byRows ? m : n;
        int align = byRows ? ROW_ALIGN : COL_ALIGN;
        int bands = (int) Math.min(threads, (extent + align - 1) / align);
        if (bands < 2 || (long) m * n * k < minParallelMacs) {
            base.gemm(transA, transB, alpha, a, b, beta, c);
            return;
        }
        int step = ((extent + bands - 1) / bands + align - 1) / align * align;
        Future<?>[] pending = new Future<?>[bands - 1];
        int submitted = 0;
        for (int from = step; from < extent; from += step) {
            int lo = from;
            int hi = Math.min(extent, from + step);
            pending[submitted++] = Pool.EXECUTOR.submit(() -> band(transA, transB, alpha, a, b, beta, c, byRows, lo, hi));
        }
        band(transA, transB, alpha, a, b, beta, c, byRows, 0, Math.min(extent, step));
        await(pending, submitted);
    }

    private void band(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b, double beta,
                      DMatrixRMaj c, boolean byRows, int from, int to) {
        if (byRows) {
            base.gemmBlock(transA, transB, alpha, a, b, beta, c, from, to, 0, c.numCols);
        } else {
            base.gemmBlock(transA, transB, alpha, a, b, beta, c, 0, c.numRows, from, to);
        }
    }

    private static void await(Future<?>[] pending, int count) {
        for (int i = 0; i < count; i++) {
            try {
                pending[i].get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "parallel gemm: interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("parallel gemm failed", e.getCause());
            }
        }
    }

    @Override
    public void gemv(boolean transA, double alpha, DMatrixRMaj a, double[] x, double beta, double[] y) {
        base.gemv(transA, alpha, a, x, beta, y);
    }

    @Override
    public double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        return base.dot(n, x, xOff, y, yOff);
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        base.axpy(n, alpha, x, xOff, y, yOff);
    }

    @Override
    public void relu(int n, double[] x, double[] out) {
        base.relu(n, x, out);
    }

    @Override
    public void reluBackward(int n, double[] x, double[] g, double[] out) {
        base.reluBackward(n, x, g, out);
    }

    @Override
    public void multiply(int n, double[] x, double[] y, double[] out) {
        base.multiply(n, x, y, out);
    }

    @Override
    public void adamStep(int n, double[] theta, double[] grad, double[] m, double[] v, double beta1, double beta2,
                         double lr, double c1, double c2, double eps) {
        base.adamStep(n, theta, grad, m, v, beta1, beta2, lr, c1, c2, eps);
    }

    /** The shared pool: one daemon thread per available processor, created on first use. */
    private static final class Pool {
        private static final AtomicInteger COUNT = new AtomicInteger();
        static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(), r -> {
                    Thread t = new Thread(r, "gendict-kernel-" + COUNT.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }
}
