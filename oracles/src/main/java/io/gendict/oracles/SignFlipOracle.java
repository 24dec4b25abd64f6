package io.gendict.oracles;

import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * The negation check of Hand, Leong &amp; Voroninski (docs/algorithms.md §5, the "descend, then test −z"
 * variant): run the inner oracle; for every sample whose negated result −ẑ has a lower objective,
 * run the inner oracle again from −ẑ and keep whichever is best; repeat for {@code rounds} rounds.
 * A no-op for even priors (G(−z) = G(z)). Iterations add up over rounds. Immutable, thread-safe
 * when the inner oracle is.
 *
 * @since 0.1
 */
public final class SignFlipOracle implements DecodeOracle {
    private final FeatureModelCache models;
    private final DecodeOracle inner;
    private final int rounds;

    /**
     * @param inner  the oracle to wrap
     * @param rounds how many times to test the negation
     */
    public SignFlipOracle(DecodeOracle inner, int rounds) {
        this.inner = inner;
        this.rounds = rounds;
        this.models = new FeatureModelCache(true);
    }

    @Override
    public DecodeResult decode(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj start, SplittableRandom rng) {
        DecodeResult best = inner.decode(a, prior, y, start, rng);
        if (prior.isEven()) {
            return best;
        }
        int rows = y.numRows;
        int k = prior.latentDim();
        double[] negObjective = new double[rows];
        FeatureModel model = models.get(a, prior);
        for (int round = 0; round < rounds; round++) {
            DMatrixRMaj neg = best.z().copy();
            for (int i = 0; i < rows * k; i++) {
                neg.data[i] = -neg.data[i];
            }
            model.objectives(neg, y, negObjective);
            int[] flipped = new int[rows];
            int count = 0;
            for (int b = 0; b < rows; b++) {
                if (negObjective[b] < best.objective()[b]) {
                    flipped[count++] = b;
                }
            }
            if (count == 0) {
                return best;
            }
            DecodeResult again = inner.decode(a, prior, Rows.select(y, flipped, count), Rows.select(neg, flipped, count), rng);
            best = Rows.keepBetter(best, again, flipped, count);
        }
        return best;
    }
}
