package io.gendict.core.learn;

import io.gendict.core.kernel.MatrixKernels;
import io.gendict.core.spi.DecoderHead;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * The sums {@link AmortizedLearner} fits its anchor to: over a prior's own samples x = G(z), z ~ p_z,
 * and their images d = head(x) under the prior's decoder head, S_xx = Σ x·xᵀ and S_dx = Σ x·dᵀ.
 */
final class HeadSamples {
    private static final int CHUNK = 1000;

    private HeadSamples() {
    }

    /**
     * @param prior   the prior G
     * @param head    its decoder head, n → m
     * @param samples samples to draw, in chunks of {@value #CHUNK} (the last chunk completes)
     * @param rng     the latents' stream
     * @param kern    the products
     * @param gram    n×n, S_xx added to it
     * @param cross   n×m, S_dx added to it
     */
    static void sum(GenerativePrior prior, DecoderHead head, int samples, SplittableRandom rng, MatrixKernels kern,
                    DMatrixRMaj gram, DMatrixRMaj cross) {
        DMatrixRMaj z = new DMatrixRMaj(CHUNK, prior.latentDim());
        DMatrixRMaj x = new DMatrixRMaj(CHUNK, prior.outputDim());
        DMatrixRMaj d = new DMatrixRMaj(CHUNK, cross.numCols);
        for (int done = 0; done < samples; done += CHUNK) {
            prior.latentDistribution().sample(rng, z);
            prior.forward(z, x);
            head.forward(x, d);
            kern.gemm(true, false, 1, x, x, 1, gram);
            kern.gemm(true, false, 1, x, d, 1, cross);
        }
    }
}
