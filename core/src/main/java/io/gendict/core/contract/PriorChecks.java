package io.gendict.core.contract;

import io.gendict.core.param.ComponentSpec;
import io.gendict.core.param.Params;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;


/**
 * The checks of the prior contract, one static method each, usable from any test and from the
 * product. Each returns normally or throws {@link ContractViolation}.
 * Latent points are drawn from the prior's own latent distribution with the given seed, then moved
 * by {@code spread}·N(0, 1) per coordinate so that points off a degenerate p_z (e.g. integer
 * positions) are reached as well.
 *
 * @since 0.1
 */
public final class PriorChecks {
    /** Largest accepted relative error ‖J_fd − J‖_F / ‖J‖_F of the VJP against central differences. */
    public static final double FD_TOLERANCE = 1e-6;
    /** Relative step of the central differences: h_j = FD_STEP·max(1, |z_j|). */
    public static final double FD_STEP = 1e-6;
    /** Points tried before the finite-difference check fails: a point within h of a kink is jittered and retried. */
    public static final int FD_ATTEMPTS = 6;
    /** Relative jitter of a retried point. */
    public static final double JITTER = 1e-3;
    /** Tolerance of identities that hold up to rounding (Jacobian vs VJP, batch vs row). */
    public static final double ROUNDING = 1e-12;

    private PriorChecks() {
    }

    /**
     * Validates raw parameters against the provider and creates the prior.
     *
     * @param provider the provider
     * @param raw      key to raw value. Not modified.
     * @return the prior
     */
    public static GenerativePrior create(PriorProvider provider, Map<String, ?> raw) {
        return provider.create(provider.parameters().validate(provider.name(), raw));
    }

    /**
     * The VJP matches central finite differences: the Jacobian assembled from n unit-cotangent VJPs
     * agrees with the one from central differences to relative Frobenius error {@link #FD_TOLERANCE}.
     * A point closer than the step to a kink (ReLU, clipping) fails the comparison; it is jittered
     * and retried up to {@link #FD_ATTEMPTS} times, so only an error that persists fails the check.
     *
     * @param prior  the prior
     * @param seed   seed of the point
     * @param spread scale of the Gaussian move off p_z, ≥ 0
     */
    public static void vjpMatchesFiniteDifferences(GenerativePrior prior, long seed, double spread) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] z = points(prior, rng, 1, spread).data;
        double worst = 0;
        for (int attempt = 0; attempt < FD_ATTEMPTS; attempt++) {
            double err = PriorEvaluations.finiteDifferenceError(prior, z);
            if (err <= FD_TOLERANCE) {
                return;
            }
            worst = Math.max(worst, err);
            for (int j = 0; j < z.length; j++) {
                z[j] += JITTER * Math.max(1, Math.abs(z[j])) * Gaussian.next(rng);
            }
        }
        throw Verify.fail(prior.params() + ": VJP disagrees with central finite differences at " + FD_ATTEMPTS
                + " jittered points near seed " + seed + ", relative error up to " + worst + " > " + FD_TOLERANCE);
    }

    /**
     * The per-sample Jacobian agrees with the VJP: for every row b, J(z_b)ᵀ·dx_b equals row b of
     * {@code vjp(Z, dX)} up to rounding.
     *
     * @param prior the prior
     * @param seed  seed of latents and cotangents
     * @param batch  batch size B ≥ 1
     * @param spread scale of the Gaussian move off p_z, ≥ 0
     */
    public static void jacobianAgreesWithVjp(GenerativePrior prior, long seed, int batch, double spread) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = prior.outputDim();
        int k = prior.latentDim();
        DMatrixRMaj z = points(prior, rng, batch, spread);
        DMatrixRMaj dx = gaussian(rng, batch, n);
        DMatrixRMaj dz = new DMatrixRMaj(1, 1);
        prior.vjp(z, dx, dz);
        Verify.shape("VJP", dz, batch, k, prior.params().toString());
        DMatrixRMaj jac = new DMatrixRMaj(1, 1);
        for (int b = 0; b < batch; b++) {
            prior.jacobian(Arrays.copyOfRange(z.data, b * k, (b + 1) * k), jac);
            Verify.shape("Jacobian", jac, n, k, prior.params().toString());
            double scale = norm(jac.data, n * k) * norm(Arrays.copyOfRange(dx.data, b * n, (b + 1) * n), n);
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += jac.data[i * k + j] * dx.data[b * n + i];
                }
                double got = dz.data[b * k + j];
                if (Math.abs(s - got) > ROUNDING * Math.max(scale, Double.MIN_NORMAL)) {
                    throw Verify.fail(prior.params() + ": row " + b + " of the VJP has " + got + " in column " + j
                            + " but J(z)ᵀ·dx gives " + s + " (seed " + seed + ")");
                }
            }
        }
    }

    /**
     * Forward and VJP of a batch equal those of each row on its own, up to rounding, and have the
     * documented shapes.
     *
     * @param prior the prior
     * @param seed  seed of latents and cotangents
     * @param batch  batch size B ≥ 1
     * @param spread scale of the Gaussian move off p_z, ≥ 0
     */
    public static void batchEqualsRows(GenerativePrior prior, long seed, int batch, double spread) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = prior.outputDim();
        int k = prior.latentDim();
        DMatrixRMaj z = points(prior, rng, batch, spread);
        DMatrixRMaj dx = gaussian(rng, batch, n);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        DMatrixRMaj dz = new DMatrixRMaj(1, 1);
        prior.forward(z, x);
        prior.vjp(z, dx, dz);
        Verify.shape("forward output", x, batch, n, prior.params().toString());
        DMatrixRMaj zr = new DMatrixRMaj(1, k);
        DMatrixRMaj dxr = new DMatrixRMaj(1, n);
        DMatrixRMaj xr = new DMatrixRMaj(1, 1);
        DMatrixRMaj dzr = new DMatrixRMaj(1, 1);
        for (int b = 0; b < batch; b++) {
            System.arraycopy(z.data, b * k, zr.data, 0, k);
            System.arraycopy(dx.data, b * n, dxr.data, 0, n);
            prior.forward(zr, xr);
            prior.vjp(zr, dxr, dzr);
            close(prior, "forward", b, x.data, b * n, xr.data, n);
            close(prior, "VJP", b, dz.data, b * k, dzr.data, k);
        }
    }

    /**
     * Outputs are finite for latents within the prior's radius: draws from p_z scaled by
     * {@code scale} and, when the prior has a radius R, projected into the ball of radius R.
     *
     * @param prior the prior
     * @param seed  seed of the latents
     * @param batch batch size B ≥ 1
     * @param scale factor applied to the draws, e.g. in [0, 3]
     */
    public static void finiteWithinRadius(GenerativePrior prior, long seed, int batch, double scale) {
        SplittableRandom rng = new SplittableRandom(seed);
        int k = prior.latentDim();
        DMatrixRMaj z = latents(prior, rng, batch);
        OptionalDouble radius = prior.latentRadius();
        for (int b = 0; b < batch; b++) {
            double norm = norm(Arrays.copyOfRange(z.data, b * k, (b + 1) * k), k) * scale;
            double shrink = radius.isPresent() && norm > radius.getAsDouble() ? radius.getAsDouble() / norm : 1;
            for (int j = 0; j < k; j++) {
                z.data[b * k + j] *= scale * shrink;
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        DMatrixRMaj dz = new DMatrixRMaj(1, 1);
        prior.forward(z, x);
        prior.vjp(z, gaussian(rng, batch, prior.outputDim()), dz);
        String who = prior.params() + " (seed " + seed + ")";
        Verify.finite("output", x.data, x.getNumElements(), who);
        Verify.finite("VJP", dz.data, batch * k, who);
    }

    /**
     * Saving and loading reproduce G bit for bit: the prior's spec text is parsed and validated
     * again, {@link PriorProvider#restore} rebuilds the prior from it and {@code arrays()}, and the
     * forward pass of the rebuilt prior equals the original's exactly; creating twice from the
     * same parameters is deterministic too.
     *
     * @param provider the prior's provider
     * @param prior    the prior
     * @param seed     seed of the latents
     */
    public static void restoreIsIdentical(PriorProvider provider, GenerativePrior prior, long seed) {
        ComponentSpec spec = ComponentSpec.parse(prior.params().toSpecString());
        Verify.that(provider.name().equals(spec.name()),
                () -> prior.params() + ": the spec text names '" + spec.name() + "', the provider '" + provider.name() + "'");
        Params reparsed = provider.parameters().validate(provider.name(), spec.raw());
        GenerativePrior restored = provider.restore(reparsed, prior.arrays());
        GenerativePrior again = provider.create(prior.params());
        DMatrixRMaj z = latents(prior, new SplittableRandom(seed), 4);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        DMatrixRMaj xr = new DMatrixRMaj(1, 1);
        DMatrixRMaj xa = new DMatrixRMaj(1, 1);
        prior.forward(z, x);
        restored.forward(z, xr);
        again.forward(z, xa);
        Verify.identical("outputs of the restored and the saved prior", x, xr, prior.params().toString());
        Verify.identical("outputs of two priors created from the same parameters", x, xa, prior.params().toString());
    }

    /**
     * The prior is safe to share: forward and VJP computed by several threads at once, each with
     * its own batch size, equal the results computed by one thread.
     *
     * @param prior   the prior
     * @param seed    seed of latents and cotangents
     * @param threads number of concurrent threads ≥ 2
     */
    public static void sharedBetweenThreads(GenerativePrior prior, long seed, int threads) {
        double[][] expected = new double[threads][];
        DMatrixRMaj[][] inputs = new DMatrixRMaj[threads][];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int t = 0; t < threads; t++) {
            DMatrixRMaj z = points(prior, rng, 1 + 3 * t, 0.3);
            DMatrixRMaj dx = gaussian(rng, z.numRows, prior.outputDim());
            inputs[t] = new DMatrixRMaj[]{z, dx};
            expected[t] = PriorEvaluations.forwardAndVjp(prior, z, dx, 1);
        }
        double[][] got = new double[threads][];
        Thread[] workers = new Thread[threads];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> got[id] = PriorEvaluations.forwardAndVjp(prior, inputs[id][0], inputs[id][1], 200));
            workers[t].setUncaughtExceptionHandler((th, e) -> failure[0] = e);
            workers[t].start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Verify.fail(prior.params() + ": interrupted while waiting for the threads");
            }
        }
        if (failure[0] != null) {
            throw new ContractViolation(prior.params() + ": concurrent use threw " + failure[0], failure[0]);
        }
        for (int t = 0; t < threads; t++) {
            double[] want = expected[t];
            double[] have = got[t];
            Verify.that(Arrays.equals(want, have), () -> prior.params() + ": concurrent results differ from sequential ones");
        }
    }

    private static void close(GenerativePrior prior, String what, int row, double[] batch, int off, double[] single, int len) {
        double scale = norm(single, len);
        for (int i = 0; i < len; i++) {
            if (Math.abs(batch[off + i] - single[i]) > ROUNDING * Math.max(scale, Double.MIN_NORMAL)) {
                throw Verify.fail(prior.params() + ": " + what + " of row " + row + " in a batch gives " + batch[off + i]
                        + " at " + i + ", alone " + single[i]);
            }
        }
    }

    private static DMatrixRMaj latents(GenerativePrior prior, SplittableRandom rng, int batch) {
        DMatrixRMaj z = new DMatrixRMaj(batch, prior.latentDim());
        prior.latentDistribution().sample(rng, z);
        return z;
    }

    private static DMatrixRMaj points(GenerativePrior prior, SplittableRandom rng, int batch, double spread) {
        DMatrixRMaj z = latents(prior, rng, batch);
        for (int i = 0; i < z.getNumElements(); i++) {
            z.data[i] += spread * Gaussian.next(rng);
        }
        return z;
    }

    private static DMatrixRMaj gaussian(SplittableRandom rng, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            m.data[i] = Gaussian.next(rng);
        }
        return m;
    }

    private static double norm(double[] v, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += v[i] * v[i];
        }
        return Math.sqrt(s);
    }
}
