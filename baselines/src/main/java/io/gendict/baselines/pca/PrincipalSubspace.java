package io.gendict.baselines.pca;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * The top-r eigenvectors of a symmetric positive semi-definite m×m matrix S, ordered by decreasing
 * eigenvalue, each signed so that its entry of largest magnitude is positive.
 *
 * <p>Block subspace iteration with Rayleigh–Ritz on r + {@value #OVERSAMPLE} vectors, warm started
 * from the previous call's vectors (a streaming PCA's S changes little per batch): each iteration
 * costs one m×m by m×(r+p) product instead of the O(m³) full decomposition. It stops when every
 * one of the top r Ritz pairs has ‖S·u − λ·u‖ ≤ {@value #TOLERANCE}·λ₁, and falls back to EJML's
 * full symmetric eigen-decomposition when that takes more than {@value #MAX_ITERATIONS}
 * iterations (a tiny eigengap), so the result is always the exact subspace to that tolerance.
 */
final class PrincipalSubspace {
    private static final int OVERSAMPLE = 10;
    private static final double TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 200;
    private final int m;
    private final int rank;
    private final int width;
    private final MatrixKernels kernels = Kernels.get();
    private final DMatrixRMaj block;
    private final DMatrixRMaj product;
    private final DMatrixRMaj ritz;
    private final DMatrixRMaj rotated;
    private final QRDecomposition<DMatrixRMaj> qr;
    private final EigenDecomposition_F64<DMatrixRMaj> small;

    PrincipalSubspace(int m, int rank) {
        this.m = m;
        this.rank = rank;
        this.width = Math.min(m, rank + OVERSAMPLE);
        this.block = new DMatrixRMaj(m, width);
        this.product = new DMatrixRMaj(m, width);
        this.ritz = new DMatrixRMaj(width, width);
        this.rotated = new DMatrixRMaj(m, width);
        this.qr = DecompositionFactory_DDRM.qr(m, width);
        this.small = DecompositionFactory_DDRM.eig(width, true, true);
        SplittableRandom rng = new SplittableRandom(0x5ca1ab1eL);
        for (int i = 0; i < block.data.length; i++) {
            block.data[i] = rng.nextGaussian();
        }
    }

    /** @return m×(r+p) copy of the iteration block, the warm start of the next call */
    DMatrixRMaj block() {
        return block.copy();
    }

    /**
     * @param saved a block from {@link #block()} of a subspace of the same shape. Not modified.
     */
    void restoreBlock(DMatrixRMaj saved) {
        block.setTo(saved);
    }

    /** @return the number of vectors iterated, r plus the oversampling (at most m) */
    int width() {
        return width;
    }

    /**
     * @param s   m×m symmetric positive semi-definite matrix. Not modified.
     * @param out m×r, receives the eigenvectors as columns
     * @throws GendictException NUMERICAL_FAILURE when a decomposition fails
     */
    void top(DMatrixRMaj s, DMatrixRMaj out) {
        orthonormalize(block);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] values = rayleighRitz(s);
            if (converged(s, values)) {
                copyTop(block, values, out);
                return;
            }
            block.setTo(product);
            orthonormalize(block);
        }
        full(s, out);
    }

    /**
     * Rayleigh–Ritz on the orthonormal block Q: H = Qᵀ·S·Q, Q ← Q·V (V the eigenvectors of H by
     * decreasing eigenvalue), and {@code product} ← S·Q for the next iteration and the residuals.
     *
     * @return the Ritz values, decreasing
     */
    private double[] rayleighRitz(DMatrixRMaj s) {
        kernels.gemm(false, false, 1, s, block, 0, product);
        kernels.gemm(true, false, 1, block, product, 0, ritz);
        symmetrize(ritz);
        if (!small.decompose(ritz)) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "pca: the Rayleigh–Ritz eigen-decomposition failed");
        }
        Integer[] order = descending(small, width);
        DMatrixRMaj v = new DMatrixRMaj(width, width);
        double[] values = new double[width];
        for (int c = 0; c < width; c++) {
            values[c] = small.getEigenvalue(order[c]).real;
            DMatrixRMaj e = small.getEigenVector(order[c]);
            for (int i = 0; i < width; i++) {
                v.data[i * width + c] = e.data[i];
            }
        }
        kernels.gemm(false, false, 1, block, v, 0, rotated);
        block.setTo(rotated);
        kernels.gemm(false, false, 1, product, v, 0, rotated);
        product.setTo(rotated);
        return values;
    }

    /** @return whether the top r Ritz pairs (block, values; S·block in product) have small residuals */
    private boolean converged(DMatrixRMaj s, double[] values) {
        double scale = Math.max(values[0], 0);
        if (scale == 0) {
            return true;
        }
        for (int c = 0; c < rank; c++) {
            double r2 = 0;
            for (int i = 0; i < m; i++) {
                double d = product.data[i * width + c] - values[c] * block.data[i * width + c];
                r2 += d * d;
            }
            if (Math.sqrt(r2) > TOLERANCE * scale) {
                return false;
            }
        }
        return true;
    }

    private void full(DMatrixRMaj s, DMatrixRMaj out) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
        if (!eig.decompose(s.copy())) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "pca: the eigen-decomposition of the " + m + "×" + m
                    + " scatter matrix did not converge");
        }
        Integer[] order = descending(eig, m);
        double[] values = new double[width];
        for (int c = 0; c < width; c++) {
            values[c] = eig.getEigenvalue(order[c]).real;
            DMatrixRMaj e = eig.getEigenVector(order[c]);
            for (int i = 0; i < m; i++) {
                block.data[i * width + c] = e.data[i];
            }
        }
        copyTop(block, values, out);
    }

    /** Copies the first r columns of the block into out, each signed by its largest entry. */
    private void copyTop(DMatrixRMaj vectors, double[] values, DMatrixRMaj out) {
        for (int c = 0; c < rank; c++) {
            int largest = 0;
            for (int i = 1; i < m; i++) {
                if (Math.abs(vectors.data[i * width + c]) > Math.abs(vectors.data[largest * width + c])) {
                    largest = i;
                }
            }
            double sign = vectors.data[largest * width + c] < 0 ? -1 : 1;
            for (int i = 0; i < m; i++) {
                out.data[i * rank + c] = sign * vectors.data[i * width + c];
            }
        }
    }

    private void orthonormalize(DMatrixRMaj q) {
        if (!qr.decompose(q.copy())) {
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE, "pca: the QR decomposition of the iteration block failed");
        }
        qr.getQ(q, true);
    }

    private static void symmetrize(DMatrixRMaj a) {
        int n = a.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (a.data[i * n + j] + a.data[j * n + i]);
                a.data[i * n + j] = v;
                a.data[j * n + i] = v;
            }
        }
    }

    private static Integer[] descending(EigenDecomposition_F64<DMatrixRMaj> eig, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -eig.getEigenvalue(i).real).thenComparingInt(i -> i));
        return order;
    }
}
