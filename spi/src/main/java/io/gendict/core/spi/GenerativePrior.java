package io.gendict.core.spi;

import io.gendict.core.param.Params;
import org.ejml.data.DMatrixRMaj;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A generative coefficient prior G: R^k → R^n (docs/algorithms.md §1). Batches are row-major, one
 * sample per row. Implementations are immutable and safe to share between threads; methods
 * allocate no per-sample memory.
 *
 * @since 0.1
 */
public interface GenerativePrior {
    /** @return the latent dimension k */
    int latentDim();

    /** @return the output dimension n */
    int outputDim();

    /**
     * Batched forward pass X = G(Z).
     *
     * @param z   B×k latents. Not modified.
     * @param out B×n, overwritten; must not alias {@code z}
     */
    void forward(DMatrixRMaj z, DMatrixRMaj out);

    /**
     * Batched vector–Jacobian product: row b of {@code out} is J_G(z_b)ᵀ·dx_b.
     *
     * @param z   B×k latents. Not modified.
     * @param dx  B×n cotangents. Not modified.
     * @param out B×k, overwritten; must not alias the inputs
     */
    void vjp(DMatrixRMaj z, DMatrixRMaj dx, DMatrixRMaj out);

    /**
     * The Jacobian J_G(z) (n×k) at one latent. The default builds it from one batched
     * {@link #vjp} with the n unit cotangents; priors with a cheaper closed form override it.
     *
     * @param z   length-k latent. Not modified.
     * @param out n×k, overwritten
     */
    default void jacobian(double[] z, DMatrixRMaj out) {
        int n = outputDim();
        int k = latentDim();
        DMatrixRMaj zs = new DMatrixRMaj(n, k);
        for (int i = 0; i < n; i++) {
            System.arraycopy(z, 0, zs.data, i * k, k);
        }
        DMatrixRMaj eye = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            eye.data[i * n + i] = 1;
        }
        out.reshape(n, k);
        vjp(zs, eye, out);
    }

    /** @return the latent distribution p_z (N(0, I_k) unless the prior says otherwise) */
    default LatentDistribution latentDistribution() {
        return LatentDistribution.standardNormal();
    }

    /** @return the radius R of the latent support, when the prior has one */
    default OptionalDouble latentRadius() {
        return OptionalDouble.empty();
    }

    /**
     * @return whether G(−z) = G(z) for all z, so that a sign-flip search is pointless
     */
    default boolean isEven() {
        return false;
    }

    /**
     * What the prior declares about its own structure, for decoders that exploit it without
     * knowing the prior's name: present when G(z) = M·φ(z) holds exactly for every z.
     *
     * @return the declaration, or empty (the default)
     */
    default Optional<LinearFeatures> linearFeatures() {
        return Optional.empty();
    }

    /**
     * An amortized encoder that came with the prior (e.g. the encoder of the VAE whose decoder the
     * prior slices), for methods that start decoding from it.
     *
     * @return the encoder, or empty (the default)
     * @since 0.1
     */
    default Optional<LatentEncoder> encoder() {
        return Optional.empty();
    }

    /**
     * The layers of the pretrained network after the ones this prior keeps (e.g. the output layer
     * of the VAE decoder it slices), for methods that anchor A to them.
     *
     * @return the head, or empty (the default)
     * @since 0.1
     */
    default Optional<DecoderHead> head() {
        return Optional.empty();
    }

    /** @return the validated parameters the prior was created from (its name is {@code params().provider()}) */
    Params params();

    /**
     * Arrays drawn or loaded at creation (e.g. the Bernoulli matrix M, network weights) that are
     * saved with a model so that it reloads the identical G in another process.
     *
     * @return name to matrix; empty when {@link #params()} alone recreates the prior
     */
    default Map<String, DMatrixRMaj> arrays() {
        return Map.of();
    }
}
