package io.gendict.oracles.update;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.learn.Adam;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LinearFeatures;
import io.gendict.core.spi.UpdateRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * The paper's practical update (docs/algorithms.md §2.2): with X fixed, Adam on A for
 * ‖Y − X·Aᵀ‖²_F, state reset per call. Gram form: ∇ = 2(A·XᵀX − YᵀX) with XᵀX and YᵀX formed
 * once per call; each step costs one m×n×n product (or, when the batch is smaller than n/2, the
 * cheaper (A·Xᵀ)·X), then one allocation-free Adam update. The gradient of row i of A depends on
 * row i only and Adam acts entry-wise, so the rows are cut into blocks of {@value #BLOCK} and each
 * block runs all its steps while it stays in cache (the same arithmetic per entry as a whole-matrix
 * step), on up to {@code threads} threads with the same result for any thread count. The gradient
 * is accumulated onto a copy of −2·YᵀX by the product itself (2·(G − T) as 2·G + (−2·T), exact in
 * floating point). When the prior declared linear features and the latents are given
 * ({@link #update(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)}), the steps use the factored
 * gradient of {@link AdamUpdateRuleFactored} (about 4·m·n·k flops per step instead of 4·m·n·B).
 *
 * @since 0.1
 */
public final class AdamUpdateRule implements UpdateRule {
    static final int BLOCK = 64;
    /**
     * Rows per block of the factored path: the block is the products' last dimension, and 32 columns
     * fill whole register strips of the SIMD product (so it reads its operands in place).
     */
    static final int FACTORED_BLOCK = 32;
    private final double lr;
    private final int iterations;
    private final int threads;
    private ForkJoinPool pool;
    private LinearFeatures features;

    /**
     * @param lr         Adam learning rate (paper: 1e-3)
     * @param iterations Adam steps per batch (paper: 1000)
     * @param threads    worker threads, ≥ 1
     */
    public AdamUpdateRule(double lr, int iterations, int threads) {
        this.lr = lr;
        this.iterations = iterations;
        this.threads = threads;
    }

    @Override
    public void start(DMatrixRMaj a0, GenerativePrior prior, SplittableRandom rng) {
        // Adam's state is reset at every update: only the prior's structure is kept.
        this.features = prior.linearFeatures().orElse(null);
    }

    @Override
    public void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x) {
        int m = a.numRows;
        int n = a.numCols;
        DMatrixRMaj negTwoYtx = new DMatrixRMaj(m, n);
        Kernels.get().gemm(true, false, -2, y, x, 0, negTwoYtx);
        boolean gram = n <= 2 * y.numRows;
        DMatrixRMaj right;
        if (gram) {
            right = new DMatrixRMaj(n, n);
            Kernels.get().gemm(true, false, 1, x, x, 0, right);
        } else {
            right = CommonOps_DDRM.transpose(x, null);
        }
        runBlocks(m, BLOCK, (from, to) -> fitRows(a, negTwoYtx, x, right, gram, from, to));
    }

    /**
     * With a prior that declared linear features (seen at {@link #start}), the steps run through the
     * factored gradient of {@link AdamUpdateRuleFactored}; otherwise as {@link #update(DMatrixRMaj,
     * DMatrixRMaj, DMatrixRMaj)}.
     */
    @Override
    public void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x, DMatrixRMaj z) {
        if (features == null || z.numCols != features.mixing().numCols) {
            update(a, y, x);
            return;
        }
        AdamUpdateRuleFactored factored = new AdamUpdateRuleFactored(features, y, z);
        runBlocks(a.numRows, FACTORED_BLOCK, (from, to) -> factored.fitRows(a, from, to, lr, iterations));
    }

    /** Cuts rows [0, m) into consecutive blocks of {@code size} rows (the last may be shorter); fits each on the threads. */
    private void runBlocks(int m, int size, RowBlock body) {
        int blocks = (m + size - 1) / size;
        if (threads == 1 || blocks == 1) {
            for (int blk = 0; blk < blocks; blk++) {
                body.fit(blk * size, Math.min(m, (blk + 1) * size));
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(blocks);
        for (int blk = 0; blk < blocks; blk++) {
            int from = blk * size;
            int to = Math.min(m, from + size);
            futures.add(pool().submit(() -> body.fit(from, to)));
        }
        for (Future<?> f : futures) {
            join(f);
        }
    }

    /** The steps of one block of rows. */
    private interface RowBlock {
        void fit(int from, int to);
    }

    /** All Adam steps for rows [from, to) of A; other rows are neither read nor written. */
    private void fitRows(DMatrixRMaj a, DMatrixRMaj negTwoYtx, DMatrixRMaj x, DMatrixRMaj right, boolean gram,
                         int from, int to) {
        MatrixKernels kern = Kernels.get();
        int n = a.numCols;
        int size = (to - from) * n;
        DMatrixRMaj rows = new DMatrixRMaj(to - from, n);
        System.arraycopy(a.data, from * n, rows.data, 0, size);
        DMatrixRMaj grad = new DMatrixRMaj(to - from, n);
        DMatrixRMaj axt = gram ? null : new DMatrixRMaj(to - from, x.numRows);
        Adam adam = new Adam(size, lr);
        for (int it = 0; it < iterations; it++) {
            System.arraycopy(negTwoYtx.data, from * n, grad.data, 0, size);
            if (gram) {
                kern.gemm(false, false, 2, rows, right, 1, grad);
            } else {
                kern.gemm(false, false, 1, rows, right, 0, axt);
                kern.gemm(false, false, 2, axt, x, 1, grad);
            }
            adam.step(rows.data, grad.data);
        }
        System.arraycopy(rows.data, 0, a.data, from * n, size);
    }

    private synchronized ForkJoinPool pool() {
        if (pool == null) {
            pool = new ForkJoinPool(threads);
        }
        return pool;
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "adam update interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "adam update failed: " + e.getCause(), e.getCause());
        }
    }
}
