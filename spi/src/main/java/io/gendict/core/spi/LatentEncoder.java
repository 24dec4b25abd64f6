package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

/**
 * An amortized first guess of the latent z of a sample, such as a VAE's encoder mean μ(y): one
 * forward pass instead of an optimisation. It is trained on the prior's own data, so on other data
 * (a transformed domain, another dictionary) it is a start for a decoder, not a decode.
 *
 * @since 0.1
 */
public interface LatentEncoder {
    /** @return the sample dimension d the encoder reads (784 for 28×28 images) */
    int inputDim();

    /**
     * @param y B×d samples. Not modified.
     * @param z B×k, overwritten with the latent guesses
     */
    void encode(DMatrixRMaj y, DMatrixRMaj z);
}
