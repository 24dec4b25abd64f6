package io.gendict.core.learn;

import io.gendict.core.kernel.Workers;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.LinearFeatures;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The joint Adam steps on (A, Z) of {@link AutodiffLearner} for a prior with linear features
 * G(z) = M·φ(z) (docs/algorithms.md §2.3, the same math reassociated). With H = φ(Z) (B×k), E = A·M (m×k)
 * and the residual R = H·Eᵀ − Y (B×m): ∂L/∂A = 2·Rᵀ·H·Mᵀ and ∂L/∂H = 2·R·E, so a step costs about
 * 4·m·n·k + 6·m·k·B flops instead of 2·m·n·B for Rᵀ·G(Z) alone. A is held in blocks of
 * {@value #BLOCK} rows, each transposed (n×rows, so that the block is every product's wide last
 * dimension) with its Adam moments. Per step, each block computes its residual, its part of the
 * loss and of ∂L/∂H, its own gradient, takes its Adam step and forms its next Eᵀ; the blocks run on
 * the workers, then the parts are summed in block order and Z takes its step, so the result is the
 * same for any thread count. Not thread-safe; one instance per learner.
 */
final class FactoredJointSteps {
    /** Rows per block: whole register strips of the SIMD product, so it reads its operands in place. */
    static final int BLOCK = 32;
    private final DMatrixRMaj mixing;
    private final DMatrixRMaj mixingT;
    private final LinearFeatures.Feature feature;
    private final Workers workers;
    private final int blocks;
    private final DMatrixRMaj[] at;
    private final DMatrixRMaj[] et;
    private final Adam[] adam;
    private final DMatrixRMaj[] negY;
    private final DMatrixRMaj[] dht;
    private final double[] loss;
    private final DMatrixRMaj[] residual;
    private final DMatrixRMaj[] u;
    private final DMatrixRMaj[] grad;
    private final DMatrixRMaj h = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj twoHt = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dhtSum = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dhSum = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dz = new DMatrixRMaj(1, 1);

    /**
     * @param features the prior's declaration
     * @param m        data dimension
     * @param lr       Adam learning rate of A
     * @param workers  the threads the blocks run on
     */
    FactoredJointSteps(LinearFeatures features, int m, double lr, Workers workers) {
        this.mixing = features.mixing();
        this.mixingT = CommonOps_DDRM.transpose(mixing, null);
        this.feature = features.feature();
        this.workers = workers;
        this.blocks = (m + BLOCK - 1) / BLOCK;
        int n = mixing.numRows;
        int k = mixing.numCols;
        this.at = new DMatrixRMaj[blocks];
        this.et = new DMatrixRMaj[blocks];
        this.adam = new Adam[blocks];
        this.negY = new DMatrixRMaj[blocks];
        this.dht = new DMatrixRMaj[blocks];
        this.loss = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            int rows = Math.min(m, (b + 1) * BLOCK) - b * BLOCK;
            at[b] = new DMatrixRMaj(n, rows);
            et[b] = new DMatrixRMaj(k, rows);
            adam[b] = new Adam(n * rows, lr);
            negY[b] = new DMatrixRMaj(1, rows);
            dht[b] = new DMatrixRMaj(k, 1);
        }
        int shares = workers.threads();
        this.residual = new DMatrixRMaj[shares];
        this.u = new DMatrixRMaj[shares];
        this.grad = new DMatrixRMaj[shares];
        for (int s = 0; s < shares; s++) {
            residual[s] = new DMatrixRMaj(1, BLOCK);
            u[s] = new DMatrixRMaj(k, BLOCK);
            grad[s] = new DMatrixRMaj(n, BLOCK);
        }
    }

    /**
     * Runs joint Adam steps on (A, Z) from fresh Adam states for A; stops early at a non-finite loss.
     *
     * @param a          m×n dictionary; overwritten with the result (also after an early stop)
     * @param y          B×m batch. Not modified.
     * @param z          B×k starting latents; overwritten with the result
     * @param adamZ      fresh Adam state of Z. Modified.
     * @param iterations steps
     * @return the loss Σ_b ‖A·G(z_b) − y_b‖² before the last step run, and that step (1-based)
     */
    Outcome fit(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj z, Adam adamZ, int iterations) {
        int rows = y.numRows;
        int k = z.numCols;
        h.reshape(rows, k);
        twoHt.reshape(k, rows);
        dhtSum.reshape(k, rows);
        dhSum.reshape(rows, k);
        dz.reshape(rows, k);
        features(z);
        for (int b = 0; b < blocks; b++) {
            int from = b * BLOCK;
            int width = at[b].numCols;
            transposeIn(a, from, at[b]);
            negY[b].reshape(rows, width);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < width; c++) {
                    negY[b].data[r * width + c] = -y.data[r * y.numCols + from + c];
                }
            }
            dht[b].reshape(k, rows);
            adam[b].reset();
            Kernels.get().gemm(false, false, 1, mixingT, at[b], 0, et[b]);
        }
        double total = Double.NaN;
        int step = 0;
        while (step < iterations) {
            step++;
            workers.run(workers.threads(), this::share, "joint Adam step");
            total = 0;
            for (int b = 0; b < blocks; b++) {
                total += loss[b];
            }
            if (!Double.isFinite(total)) {
                break;
            }
            dhtSum.setTo(dht[0]);
            for (int b = 1; b < blocks; b++) {
                CommonOps_DDRM.addEquals(dhtSum, dht[b]);
            }
            CommonOps_DDRM.transpose(dhtSum, dhSum);
            int size = rows * k;
            if (feature == LinearFeatures.Feature.SQUARE) {
                for (int i = 0; i < size; i++) {
                    dz.data[i] = 2 * z.data[i] * dhSum.data[i];
                }
            } else {
                dz.setTo(dhSum);
            }
            adamZ.step(z.data, dz.data);
            features(z);
        }
        for (int b = 0; b < blocks; b++) {
            transposeOut(at[b], b * BLOCK, a);
        }
        return new Outcome(total, step);
    }

    /** The work of one thread's share of the blocks in one step: blocks s, s + shares, … */
    private void share(int s) {
        for (int b = s; b < blocks; b += residual.length) {
            step(b, s);
        }
    }

    /** One block's part of a step, with the scratch of share {@code s}. */
    private void step(int b, int s) {
        MatrixKernels kern = Kernels.get();
        int width = at[b].numCols;
        DMatrixRMaj r = residual[s];
        r.reshape(h.numRows, width);
        r.setTo(negY[b]);
        kern.gemm(false, false, 1, h, et[b], 1, r);
        int size = r.numRows * width;
        loss[b] = kern.dot(size, r.data, 0, r.data, 0);
        DMatrixRMaj ub = u[s];
        ub.reshape(h.numCols, width);
        kern.gemm(false, false, 1, twoHt, r, 0, ub);
        DMatrixRMaj g = grad[s];
        g.reshape(mixing.numRows, width);
        kern.gemm(false, false, 1, mixing, ub, 0, g);
        kern.gemm(false, true, 2, et[b], r, 0, dht[b]);
        adam[b].step(at[b].data, g.data);
        kern.gemm(false, false, 1, mixingT, at[b], 0, et[b]);
    }

    /** H = φ(Z) and 2·Hᵀ (the factor 2 of ∂L/∂A, exact in floating point). */
    private void features(DMatrixRMaj z) {
        if (feature == LinearFeatures.Feature.SQUARE) {
            Kernels.get().multiply(z.numRows * z.numCols, z.data, z.data, h.data);
        } else {
            h.setTo(z);
        }
        CommonOps_DDRM.transpose(h, twoHt);
        CommonOps_DDRM.scale(2, twoHt);
    }

    private static void transposeIn(DMatrixRMaj a, int from, DMatrixRMaj block) {
        int n = a.numCols;
        int width = block.numCols;
        for (int i = 0; i < width; i++) {
            for (int l = 0; l < n; l++) {
                block.data[l * width + i] = a.data[(from + i) * n + l];
            }
        }
    }

    private static void transposeOut(DMatrixRMaj block, int from, DMatrixRMaj a) {
        int n = a.numCols;
        int width = block.numCols;
        for (int i = 0; i < width; i++) {
            for (int l = 0; l < n; l++) {
                a.data[(from + i) * n + l] = block.data[l * width + i];
            }
        }
    }

    /**
     * @param loss the loss before the last step run
     * @param step the last step run (1-based)
     */
    record Outcome(double loss, int step) {
    }
}
