package io.gendict.priors.vae;

import io.gendict.core.kernel.Kernels;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.SplittableRandom;

/**
 * An affine layer out = x·W + b on row batches, with W stored in×out and a cached transpose so the
 * backward product dx = dout·Wᵀ is a plain {@code gemm} too. Package-private: weights are exported
 * through {@link VaeModel}.
 */
final class DenseLayer {
    /** in×out weights. Modified by the optimizer, then {@link #refreshTranspose()} must be called. */
    final DMatrixRMaj weight;
    /** 1×out bias. */
    final DMatrixRMaj bias;
    /** out×in, equal to weightᵀ after {@link #refreshTranspose()}. */
    final DMatrixRMaj weightT;

    /**
     * PyTorch Linear default initialization: W and b uniform in ±1/√in (docs/algorithms.md §8).
     *
     * @param rng draws in×out weights row by row, then the bias. Modified.
     */
    DenseLayer(int in, int out, SplittableRandom rng) {
        weight = new DMatrixRMaj(in, out);
        bias = new DMatrixRMaj(1, out);
        weightT = new DMatrixRMaj(out, in);
        double bound = 1 / Math.sqrt(in);
        fillUniform(weight, bound, rng);
        fillUniform(bias, bound, rng);
        refreshTranspose();
    }

    /** Deep copy of {@code other}. */
    DenseLayer(DenseLayer other) {
        weight = other.weight.copy();
        bias = other.bias.copy();
        weightT = other.weightT.copy();
    }

    int in() {
        return weight.numRows;
    }

    int out() {
        return weight.numCols;
    }

    /**
     * out = x·W + b.
     *
     * @param x   r×in. Not modified.
     * @param out r×out, reshaped (no allocation when it has the capacity) and overwritten
     */
    void forward(DMatrixRMaj x, DMatrixRMaj out) {
        int rows = x.numRows;
        int cols = out();
        out.reshape(rows, cols);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(bias.data, 0, out.data, i * cols, cols);
        }
        Kernels.get().gemm(false, false, 1, x, weight, 1, out);
    }

    /** Copies weightᵀ into {@link #weightT}. */
    void refreshTranspose() {
        CommonOps_DDRM.transpose(weight, weightT);
    }

    private static void fillUniform(DMatrixRMaj m, double bound, SplittableRandom rng) {
        int size = m.getNumElements();
        for (int i = 0; i < size; i++) {
            m.data[i] = bound * (2 * rng.nextDouble() - 1);
        }
    }
}
