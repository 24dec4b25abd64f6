package io.gendict.priors.vae;

import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The VAE's parameters (docs/algorithms.md §8): encoder D→H, the fused μ/log σ² heads H→2L (columns
 * 0..L−1 are μ, L..2L−1 are log σ²), decoder L→H and H→D. Mutated only by the trainer.
 */
final class VaeNetwork {
    final DenseLayer encoder;
    final DenseLayer heads;
    final DenseLayer decoderHidden;
    final DenseLayer decoderOut;
    final int latent;

    /** PyTorch-default initialization, layers drawn in the order fc1, heads, fc3, fc4 from {@code rng}. */
    VaeNetwork(VaeConfig config, SplittableRandom rng) {
        latent = config.latent();
        encoder = new DenseLayer(config.inputDim(), config.hidden(), rng);
        heads = new DenseLayer(config.hidden(), 2 * config.latent(), rng);
        decoderHidden = new DenseLayer(config.latent(), config.hidden(), rng);
        decoderOut = new DenseLayer(config.hidden(), config.inputDim(), rng);
    }

    /** Deep copy of {@code other}. */
    VaeNetwork(VaeNetwork other) {
        latent = other.latent;
        encoder = new DenseLayer(other.encoder);
        heads = new DenseLayer(other.heads);
        decoderHidden = new DenseLayer(other.decoderHidden);
        decoderOut = new DenseLayer(other.decoderOut);
    }

    /** @return W, b of every layer in forward order (the order of {@link ShardWorkspace#gradients()}) */
    List<DMatrixRMaj> parameters() {
        return List.of(encoder.weight, encoder.bias, heads.weight, heads.bias,
                decoderHidden.weight, decoderHidden.bias, decoderOut.weight, decoderOut.bias);
    }

    /** Re-derives every cached transpose after the weights changed. */
    void refreshTransposes() {
        encoder.refreshTranspose();
        heads.refreshTranspose();
        decoderHidden.refreshTranspose();
        decoderOut.refreshTranspose();
    }
}
