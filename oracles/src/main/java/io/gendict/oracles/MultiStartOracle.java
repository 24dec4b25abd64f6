package io.gendict.oracles;

import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * Best of several starts (docs/algorithms.md §5, generalisation): runs the inner oracle from the given
 * start (or a p_z draw) and from {@code starts − 1} further p_z draws, keeping per sample the result
 * with the lowest objective. Iterations add up over starts. Immutable, thread-safe when the inner
 * oracle is.
 *
 * @since 0.1
 */
public final class MultiStartOracle implements DecodeOracle {
    private final DecodeOracle inner;
    private final int starts;

    /**
     * @param inner  the oracle to wrap
     * @param starts total number of starts per sample (≥ 1)
     */
    public MultiStartOracle(DecodeOracle inner, int starts) {
        this.inner = inner;
        this.starts = starts;
    }

    @Override
    public DecodeResult decode(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj start, SplittableRandom rng) {
        DecodeResult best = inner.decode(a, prior, y, start, rng);
        int rows = y.numRows;
        int[] all = new int[rows];
        for (int b = 0; b < rows; b++) {
            all[b] = b;
        }
        for (int s = 1; s < starts; s++) {
            best = Rows.keepBetter(best, inner.decode(a, prior, y, null, rng), all, rows);
        }
        return best;
    }
}
