package io.gendict.baselines.pca;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.spi.Checkpointable;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerListener;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streaming principal subspace: keeps the m×m second moment S = Σ y yᵀ, the sum Σ y and the count
 * N of every sample seen, and after each batch sets the basis U (m×r) to the top r eigenvectors of
 * the scatter matrix S − N·μμᵀ (centred, μ = Σ y / N) or of S (uncentred). The result is the exact
 * principal subspace of all samples so far, independent of how they were batched.
 *
 * <p>The dictionary is [U, μ] (m×(r+1)) when centred, U (m×r) otherwise; a code is c = Uᵀ(y − μ)
 * (B×r) and its coefficients are [c, 1] (or c), so A·x̂ = U·c + μ. Centring is the default because
 * it is what a skeptic runs (scikit-learn's PCA centres) and it costs no stored number per sample:
 * the mean is part of the model, like the atoms.
 *
 * <p>A context dictionary of exactly this shape is taken as the learned state before any batch
 * (how a saved model is coded); a start of another shape (an experiment's A0 of n atoms) is
 * ignored, since the subspace is a closed form of the data, not an iteration from a start.
 */
final class PcaLearner implements DictionaryLearner, Checkpointable {
    private static final String SECOND_MOMENT = "second_moment";
    private static final String SUM = "sum";
    private static final String PROGRESS = "progress";
    private static final String BLOCK = "subspace_block";
    private static final String DICTIONARY = "dictionary";
    private final int m;
    private final int rank;
    private final boolean center;
    private final DMatrixRMaj secondMoment;
    private final double[] sum;
    private final DMatrixRMaj basis;
    private final double[] mean;
    private final DMatrixRMaj dict;
    private final PrincipalSubspace subspace;
    private final List<LearnerListener> listeners = new ArrayList<>();
    private long seen;
    private int batches;

    PcaLearner(int m, int rank, boolean center, DMatrixRMaj initial) {
        this.m = m;
        this.rank = rank;
        this.center = center;
        this.secondMoment = new DMatrixRMaj(m, m);
        this.sum = new double[m];
        this.basis = new DMatrixRMaj(m, rank);
        this.mean = new double[m];
        this.dict = new DMatrixRMaj(m, atoms());
        this.subspace = new PrincipalSubspace(m, rank);
        if (initial != null && initial.numRows == m && initial.numCols == atoms()) {
            Checks.finite("pca initial dictionary", initial);
            takeDictionary(initial);
        }
    }

    /** Sets the dictionary, the basis and the mean from an m×(r+1) (or m×r) dictionary. */
    private void takeDictionary(DMatrixRMaj d) {
        dict.setTo(d);
        for (int i = 0; i < m; i++) {
            System.arraycopy(d.data, i * d.numCols, basis.data, i * rank, rank);
            mean[i] = center ? d.get(i, rank) : 0;
        }
    }

    private int atoms() {
        return rank + (center ? 1 : 0);
    }

    @Override
    public String name() {
        return "pca";
    }

    @Override
    public void fit(DMatrixRMaj y) {
        Checks.shape("pca training batch", y, -1, m);
        if (y.numRows == 0) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "pca training batch: expected at least one sample, got 0 rows");
        }
        Checks.finite("pca training batch", y);
        double err = meanSquaredResidual(y);
        Kernels.get().gemm(true, false, 1, y, y, 1, secondMoment);
        for (int b = 0; b < y.numRows; b++) {
            for (int i = 0; i < m; i++) {
                sum[i] += y.data[b * m + i];
            }
        }
        seen += y.numRows;
        refresh();
        for (LearnerListener l : listeners) {
            l.afterBatch(batches, seen, dict, err);
        }
        batches++;
    }

    /** Recomputes μ, U and the dictionary from the sums. */
    private void refresh() {
        for (int i = 0; i < m; i++) {
            mean[i] = center ? sum[i] / seen : 0;
        }
        DMatrixRMaj scatter = secondMoment.copy();
        if (center) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    scatter.data[i * m + j] -= seen * mean[i] * mean[j];
                }
            }
        }
        subspace.top(scatter, basis);
        for (int i = 0; i < m; i++) {
            System.arraycopy(basis.data, i * rank, dict.data, i * dict.numCols, rank);
            if (center) {
                dict.data[i * dict.numCols + rank] = mean[i];
            }
        }
    }

    private double meanSquaredResidual(DMatrixRMaj y) {
        DMatrixRMaj x = new DMatrixRMaj(y.numRows, atoms());
        coefficients(encode(y), x);
        DMatrixRMaj yHat = new DMatrixRMaj(y.numRows, m);
        Kernels.get().gemm(false, true, 1, x, dict, 0, yHat);
        double s = 0;
        for (int i = 0; i < y.data.length && i < y.numRows * m; i++) {
            double d = y.data[i] - yHat.data[i];
            s += d * d;
        }
        return s / y.numRows;
    }

    @Override
    public DMatrixRMaj dictionary() {
        return dict;
    }

    @Override
    public long samplesSeen() {
        return seen;
    }

    @Override
    public Codes encode(DMatrixRMaj y) {
        Checks.shape("pca samples", y, -1, m);
        DMatrixRMaj centred = y.copy();
        for (int b = 0; b < y.numRows; b++) {
            for (int i = 0; i < m; i++) {
                centred.data[b * m + i] -= mean[i];
            }
        }
        DMatrixRMaj codes = new DMatrixRMaj(y.numRows, rank);
        Kernels.get().gemm(false, false, 1, centred, basis, 0, codes);
        return new Codes(codes, null);
    }

    @Override
    public void coefficients(Codes codes, DMatrixRMaj out) {
        DMatrixRMaj c = codes.values();
        if (codes.sparse() || c.numCols != rank) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "pca codes: expected dense codes with " + rank
                    + " columns (the rank), got " + (codes.sparse() ? "sparse codes" : c.numCols + " columns"));
        }
        Checks.shape("pca coefficients", out, c.numRows, atoms());
        for (int b = 0; b < c.numRows; b++) {
            System.arraycopy(c.data, b * rank, out.data, b * out.numCols, rank);
            if (center) {
                out.data[b * out.numCols + rank] = 1;
            }
        }
    }

    @Override
    public void addListener(LearnerListener listener) {
        listeners.add(listener);
    }

    @Override
    public Map<String, DMatrixRMaj> state() {
        Map<String, DMatrixRMaj> state = new LinkedHashMap<>();
        state.put(SECOND_MOMENT, secondMoment.copy());
        state.put(SUM, new DMatrixRMaj(1, m, true, sum));
        state.put(PROGRESS, new DMatrixRMaj(1, 2, true, batches, seen));
        state.put(BLOCK, subspace.block());
        state.put(DICTIONARY, dict.copy());
        return state;
    }

    @Override
    public void restore(Map<String, DMatrixRMaj> state) {
        DMatrixRMaj s = entry(state, SECOND_MOMENT, m, m);
        DMatrixRMaj total = entry(state, SUM, 1, m);
        DMatrixRMaj progress = entry(state, PROGRESS, 1, 2);
        DMatrixRMaj block = entry(state, BLOCK, m, subspace.width());
        DMatrixRMaj saved = entry(state, DICTIONARY, m, atoms());
        for (DMatrixRMaj e : new DMatrixRMaj[]{s, total, block, saved}) {
            Checks.finite("pca state", e);
        }
        secondMoment.setTo(s);
        System.arraycopy(total.data, 0, sum, 0, m);
        batches = (int) progress.data[0];
        seen = (long) progress.data[1];
        subspace.restoreBlock(block);
        takeDictionary(saved);
    }

    private static DMatrixRMaj entry(Map<String, DMatrixRMaj> state, String key, int rows, int cols) {
        DMatrixRMaj e = state.get(key);
        if (e == null) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "pca state: missing entry '" + key + "'");
        }
        Checks.shape("pca state '" + key + "'", e, rows, cols);
        return e;
    }
}
