package io.gendict.oracles;

import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers the last {@link FeatureModel} an oracle built, so that the chunks of one batch and the
 * starts of a multi-start search share one E = A·M and Q = EᵀE. A hit needs the same prior and a
 * dictionary equal entry by entry (an O(m·n) comparison instead of the O(m·n·q) rebuild).
 * Thread-safe.
 */
final class FeatureModelCache {
    private record Entry(double[] a, int rows, int cols, GenerativePrior prior, FeatureModel model) {
    }

    private final boolean useLinear;
    private final AtomicReference<Entry> last = new AtomicReference<>();

    /** @param useLinear whether models use the prior's linear-features declaration */
    FeatureModelCache(boolean useLinear) {
        this.useLinear = useLinear;
    }

    /**
     * @param a     m×n dictionary. Not modified.
     * @param prior the prior
     * @return the model for (a, prior), reused when unchanged since the last call
     */
    FeatureModel get(DMatrixRMaj a, GenerativePrior prior) {
        Entry e = last.get();
        int size = a.numRows * a.numCols;
        if (e != null && e.prior() == prior && e.rows() == a.numRows && e.cols() == a.numCols
                && Arrays.equals(e.a(), 0, size, a.data, 0, size)) {
            return e.model();
        }
        double[] copy = Arrays.copyOf(a.data, size);
        FeatureModel model = FeatureModel.of(DMatrixRMaj.wrap(a.numRows, a.numCols, copy), prior, useLinear);
        last.set(new Entry(copy, a.numRows, a.numCols, prior, model));
        return model;
    }
}
