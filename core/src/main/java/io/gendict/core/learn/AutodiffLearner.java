package io.gendict.core.learn;

import io.gendict.core.kernel.Workers;
import io.gendict.core.error.Checks;
import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.LinearFeatures;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The paper's "autodiff" variant (docs/algorithms.md §2.3): for each fresh batch, Adam on (A, Z) jointly
 * for L(A, Z) = Σ_b ‖A·G(z_b) − y_b‖², A warm-started from the previous batch, Z drawn from p_z,
 * two parameter groups with their own learning rates, state reset per batch. Gradients:
 * ∂L/∂A = 2·Rᵀ·X and ∂L/∂Z = J_Gᵀ(2·R·A) with Rᵀ = A·Xᵀ − Yᵀ, X = G(Z). Encoding uses the given
 * oracle. For a prior with linear features the steps run through {@link FactoredJointSteps}
 * (E = A·M, k-dimensional products, A in cache-sized blocks on the context's threads); otherwise
 * through G and its vector–Jacobian product ({@link JointProducts}) with the products on the
 * context's threads. Either way the result is the same for any thread count. Stateful; not
 * thread-safe.
 *
 * @since 0.1
 */
public final class AutodiffLearner extends GenerativeLearner {

    /**
     * @param lrLatent    Adam learning rate for Z (paper default 1e-2)
     * @param lrDictionary Adam learning rate for A (paper default 1e-3)
     * @param iterations  joint Adam steps per batch (paper default 1000)
     */
    public record Options(double lrLatent, double lrDictionary, int iterations) {
        /** Checks the ranges. */
        public Options {
            Checks.parameter(lrLatent > 0 && Double.isFinite(lrLatent), "autodiff: lr-latent = " + lrLatent + ", expected > 0");
            Checks.parameter(lrDictionary > 0 && Double.isFinite(lrDictionary),
                    "autodiff: lr-dictionary = " + lrDictionary + ", expected > 0");
            Checks.parameter(iterations >= 1, "autodiff: iterations = " + iterations + ", expected >= 1");
        }

        /** @return the paper's settings: 1e-2 for Z, 1e-3 for A, 1000 steps */
        public static Options paper() {
            return new Options(1e-2, 1e-3, 1000);
        }
    }

    private final Options options;
    private final DMatrixRMaj backup;
    private final FactoredJointSteps factored;
    private final DMatrixRMaj gradA;
    private final Adam adamA;
    private final MatrixKernels kernels;
    private final JointProducts products;

    /**
     * @param encodeOracle oracle used by {@link #encode}
     * @param context      dimensions, prior, initial dictionary, seed and threads
     * @param options      learning rates and iterations
     */
    public AutodiffLearner(DecodeOracle encodeOracle, LearnerContext context, Options options) {
        super("autodiff", context, encodeOracle);
        this.options = options;
        this.backup = a.copy();
        LinearFeatures features = prior.linearFeatures().orElse(null);
        boolean direct = features == null;
        this.factored = direct ? null : new FactoredJointSteps(features, a.numRows, options.lrDictionary(), new Workers(context.threads()));
        this.gradA = direct ? new DMatrixRMaj(a.numRows, a.numCols) : null;
        this.adamA = direct ? new Adam(a.numRows * a.numCols, options.lrDictionary()) : null;
        this.kernels = direct ? Kernels.parallel(context.threads()) : null;
        this.products = direct ? new JointProducts(prior, kernels) : null;
    }

    @Override
    protected double fitBatch(DMatrixRMaj y, int batch) {
        int rows = y.numRows;
        DMatrixRMaj z = new DMatrixRMaj(rows, prior.latentDim());
        prior.latentDistribution().sample(batchRng(batch), z);
        Adam adamZ = new Adam(z.data.length, options.lrLatent());
        backup.setTo(a);
        FactoredJointSteps.Outcome outcome = factored != null
                ? factored.fit(a, y, z, adamZ, options.iterations())
                : direct(y, z, adamZ);
        if (!Double.isFinite(outcome.loss()) || !finite(a)) {
            a.setTo(backup);
            throw nonFinite(batch, "joint Adam step " + outcome.step());
        }
        return outcome.loss() / rows;
    }

    /** The steps through G and its vector–Jacobian product, for any prior; stops at a non-finite loss. */
    private FactoredJointSteps.Outcome direct(DMatrixRMaj y, DMatrixRMaj z, Adam adamZ) {
        int rows = y.numRows;
        int m = a.numRows;
        DMatrixRMaj x = new DMatrixRMaj(rows, a.numCols);
        DMatrixRMaj yt = CommonOps_DDRM.transpose(y, null);
        DMatrixRMaj rt = new DMatrixRMaj(m, rows);
        DMatrixRMaj dz = new DMatrixRMaj(rows, z.numCols);
        adamA.reset();
        double loss = Double.NaN;
        for (int step = 1; step <= options.iterations(); step++) {
            products.forward(a, z, x, rt);
            loss = 0;
            for (int i = 0, size = rows * m; i < size; i++) {
                double d = rt.data[i] - yt.data[i];
                rt.data[i] = d;
                loss += d * d;
            }
            if (!Double.isFinite(loss)) {
                return new FactoredJointSteps.Outcome(loss, step);
            }
            kernels.gemm(false, false, 2, rt, x, 0, gradA);
            products.latentGradient(a, z, rt, dz);
            adamA.step(a.data, gradA.data);
            adamZ.step(z.data, dz.data);
        }
        return new FactoredJointSteps.Outcome(loss, options.iterations());
    }
}
