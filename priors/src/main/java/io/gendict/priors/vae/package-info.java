/**
 * Trainer for the classic PyTorch-example MLP variational autoencoder (docs/algorithms.md §8) whose
 * decoder the {@code mlp} prior loads: {@link io.gendict.priors.vae.VaeConfig},
 * {@link io.gendict.priors.vae.VaeTrainer}, {@link io.gendict.priors.vae.VaeModel}.
 *
 * <p>Layers store their weights in×out so every product in the training step is a
 * non-transposed or left-transposed {@code gemm}; the exported maps use PyTorch's out×in layout.
 */
package io.gendict.priors.vae;
