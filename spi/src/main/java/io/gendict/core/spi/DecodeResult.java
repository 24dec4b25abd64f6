package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

/**
 * What a {@link DecodeOracle} returns for a batch of B samples.
 *
 * @param z          B×k decoded latents
 * @param objective  length B, final ‖y_b − A·G(z_b)‖² per sample
 * @param iterations length B, iterations spent per sample
 * @param converged  length B, whether the oracle's stopping rule (not its iteration cap) ended the sample
 * @since 0.1
 */
public record DecodeResult(DMatrixRMaj z, double[] objective, int[] iterations, boolean[] converged) {
}
