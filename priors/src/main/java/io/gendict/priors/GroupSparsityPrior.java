package io.gendict.priors;

import io.gendict.core.error.Checks;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.param.Params;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LinearFeatures;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Map;
import java.util.Optional;

/**
 * G(z) = ReLU(M·(z∘z)) with a fixed 0/1 matrix M ∈ {0,1}^{n×k} (paper figure 1b; docs/algorithms.md §1).
 * As M ≥ 0 and z∘z ≥ 0 the ReLU never acts: G(z) = M·(z∘z), declared through
 * {@link #linearFeatures()}; G is even. Batched: X = (Z∘Z)·Mᵀ (with a stored copy of Mᵀ, so the
 * product streams contiguously) and dZ = 2·Z∘(dX·M). The VJP needs no
 * ReLU mask: where (M·(z∘z))_i = 0 every term M_ij·z_j of that row vanishes.
 *
 * @since 0.1
 */
public final class GroupSparsityPrior implements GenerativePrior {
    private final Params params;
    private final DMatrixRMaj mixing;
    private final DMatrixRMaj mixingT;
    private final LinearFeatures features;
    private final Scratch scratch = new Scratch(1);

    /**
     * @param params validated parameters
     * @param mixing n×k 0/1 matrix M, already checked. Copied.
     */
    GroupSparsityPrior(Params params, DMatrixRMaj mixing) {
        this.params = params;
        this.mixing = mixing.copy();
        this.mixingT = CommonOps_DDRM.transpose(mixing, null);
        this.features = new LinearFeatures(mixing.copy(), LinearFeatures.Feature.SQUARE);
    }

    @Override
    public int latentDim() {
        return mixing.numCols;
    }

    @Override
    public int outputDim() {
        return mixing.numRows;
    }

    @Override
    public Params params() {
        return params;
    }

    /** @return {@code {"M": n×k}}, a copy */
    @Override
    public Map<String, DMatrixRMaj> arrays() {
        return Map.of("M", mixing.copy());
    }

    @Override
    public boolean isEven() {
        return true;
    }

    @Override
    public Optional<LinearFeatures> linearFeatures() {
        return Optional.of(features);
    }

    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj out) {
        Checks.shape("Z", z, -1, latentDim());
        MatrixKernels kern = Kernels.get();
        DMatrixRMaj sq = scratch.get(0, z.numRows, latentDim());
        int size = z.numRows * latentDim();
        kern.multiply(size, z.data, z.data, sq.data);
        out.reshape(z.numRows, outputDim());
        kern.gemm(false, false, 1, sq, mixingT, 0, out);
        kern.relu(z.numRows * outputDim(), out.data, out.data);
    }

    @Override
    public void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out) {
        Checks.shape("Z", z, -1, latentDim());
        Checks.shape("dX", dx, z.numRows, outputDim());
        out.reshape(z.numRows, latentDim());
        MatrixKernels kern = Kernels.get();
        kern.gemm(false, false, 2, dx, mixing, 0, out);
        kern.multiply(z.numRows * latentDim(), out.data, z.data, out.data);
    }

    /** J_ij = 2·M_ij·z_j. */
    @Override
    public void jacobian(double[] z, DMatrixRMaj out) {
        int k = latentDim();
        out.reshape(outputDim(), k);
        for (int i = 0; i < outputDim(); i++) {
            for (int j = 0; j < k; j++) {
                out.data[i * k + j] = 2 * mixing.data[i * k + j] * z[j];
            }
        }
    }
}
