package io.gendict.baselines.omp;

import io.gendict.core.error.Checks;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.Workers;
import io.gendict.core.spi.Codes;
import org.ejml.data.DMatrixRMaj;

/**
 * Batch-OMP with progressive Cholesky updates (Rubinstein, Zibulevsky &amp; Elad 2008;
 * docs/algorithms.md §7.2): the Gram matrix G = DᵀD is computed once per dictionary, then each signal is
 * coded from α0 = Dᵀy alone, without forming residuals. Atoms need not have unit norm: selection
 * uses |d_jᵀr|/‖d_j‖ and zero atoms are never selected.
 *
 * <p>Stopping, per signal: K atoms chosen; or ‖r‖ ≤ tol (when tol &gt; 0); or max_j |d_jᵀr|/‖d_j‖
 * ≤ 1e-12; or the next atom is numerically dependent on the chosen ones (its Cholesky pivot
 * ≤ 1e-12·‖d_j‖²). So K larger than the dimension m is allowed: the support stops growing once the
 * signal is represented exactly (at most m atoms). Zero signals get an empty support.
 *
 * <p>Signals are coded in chunks of {@value #CHUNK} rows; α0 of a chunk is one product through
 * {@link Kernels#get()}. Chunks run on up to {@code threads} threads with per-thread scratch and
 * no per-signal allocation; results are bit-identical for every thread count.
 *
 * @since 0.1
 */
public final class BatchOmp {
    /** Rows coded per chunk; fixed so that results do not depend on the thread count. */
    static final int CHUNK = 64;

    private final DMatrixRMaj d;
    private final DMatrixRMaj gram;
    private final double[] invNorm;

    /**
     * Precomputes the Gram matrix of a dictionary.
     *
     * @param d m×n dictionary, atoms as columns. Not modified; must not change while this coder is used.
     */
    public BatchOmp(DMatrixRMaj d) {
        Checks.finite("dictionary", d);
        this.d = d;
        int n = d.numCols;
        gram = new DMatrixRMaj(n, n);
        Kernels.get().gemm(true, false, 1.0, d, d, 0.0, gram);
        invNorm = new double[n];
        for (int j = 0; j < n; j++) {
            double g = gram.data[j * n + j];
            invNorm[j] = g > 0 ? 1.0 / Math.sqrt(g) : 0.0;
        }
    }

    /**
     * Codes signals with one thread and no residual output; see {@link #encode(DMatrixRMaj, int, double, int, double[])}.
     *
     * @param d   m×n dictionary. Not modified.
     * @param y   B×m signals, one per row. Not modified.
     * @param k   maximum non-zeros per signal, 1..n
     * @param tol residual-norm target ε (0 for none)
     * @return codes with values B×k and atom indices (-1 for unused slots), in selection order
     */
    public static Codes encode(DMatrixRMaj d, DMatrixRMaj y, int k, double tol) {
        return new BatchOmp(d).encode(y, k, tol, new Workers(1), null);
    }

    /** @return the m×n dictionary this coder was built for (not a copy) */
    public DMatrixRMaj dictionary() {
        return d;
    }

    /** @return the n×n Gram matrix DᵀD (a live view; do not modify) */
    public DMatrixRMaj gram() {
        return gram;
    }

    /**
     * Codes signals.
     *
     * @param y          B×m signals, one per row. Not modified.
     * @param k          maximum non-zeros per signal, 1..n
     * @param tol        residual-norm target ε ≥ 0 (0 for none)
     * @param workers    the threads that code the chunks of signals
     * @param residualSq length ≥ B, receives ‖y_b − D x_b‖² per signal; or {@code null}
     * @return codes with values B×k and atom indices (-1 for unused slots), in selection order
     * @throws io.gendict.core.error.GendictException for a shape mismatch, non-finite input, k
     *                                                outside 1..n or a negative tolerance
     */
    public Codes encode(DMatrixRMaj y, int k, double tol, Workers workers, double[] residualSq) {
        OmpChecks.check(d, y, k, tol);
        int rows = y.numRows;
        DMatrixRMaj values = new DMatrixRMaj(rows, k);
        int[] indices = new int[rows * k];
        int chunks = (rows + CHUNK - 1) / CHUNK;
        workers.run(chunks, () -> new BatchOmpWorker(d, gram, invNorm, k),
                (w, c) -> w.codeChunk(y, c * CHUNK, Math.min(rows, (c + 1) * CHUNK), tol, values.data, indices, residualSq),
                "Batch-OMP");
        return new Codes(values, indices);
    }
}
