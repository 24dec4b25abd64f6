package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

/**
 * The rest of the pretrained network a prior was sliced from: when G is the first layers of a
 * decoder, the head is the layers after them (e.g. the VAE decoder's output layer S(W₂·x + b₂)), so
 * head(G(z)) is a sample in the pretrained model's own data space. It is what the paper's "learn a
 * new linear layer" reading replaces by A; a method may use it as a data-free anchor for A (the
 * best linear stand-in for the head on the prior's own samples) without ever seeing that data.
 *
 * @since 0.1
 */
public interface DecoderHead {
    /** @return the dimension of the head's output (784 for 28×28 images) */
    int outputDim();

    /**
     * @param x   B×n prior outputs G(z). Not modified.
     * @param out B×{@link #outputDim()}, overwritten with head(x)
     */
    void forward(DMatrixRMaj x, DMatrixRMaj out);
}
