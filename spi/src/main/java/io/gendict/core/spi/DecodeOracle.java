package io.gendict.core.spi;

import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * A decode oracle (Assumption 4): for each row y_b of Y, finds z_b minimising ‖y_b − A·G(z_b)‖²,
 * optionally inside the ball ‖z‖ ≤ R. Implementations are immutable and thread-safe; samples are
 * independent.
 *
 * @since 0.1
 */
public interface DecodeOracle {
    /**
     * @param a      m×n dictionary. Not modified.
     * @param prior  the prior G with output dimension n
     * @param y      B×m observations. Not modified.
     * @param start  B×k starting latents, or {@code null} to draw them from the prior's p_z. Not modified.
     * @param rng    randomness for starts. Modified (advanced).
     * @return the decoded latents with per-sample objectives and iteration counts
     */
    DecodeResult decode(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj start, SplittableRandom rng);
}
