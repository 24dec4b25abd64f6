package io.gendict.baselines;

import io.gendict.baselines.omp.BatchOmp;
import io.gendict.baselines.omp.SparseCodes;
import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Workers;
import io.gendict.core.spi.Checkpointable;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.LearnerListener;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the sparse baselines share: the dictionary (m×n, unit or bounded-norm atoms as columns),
 * coding with Batch-OMP and K non-zeros, scattering codes, counting samples and notifying
 * listeners. A subclass implements one training step on a batch in {@link #update}.
 *
 * <p>The dictionary comes from the context when it gives one (columns normalized), else it is
 * random (init=random, at creation) or taken from the first batch (init=data, at the first
 * {@link #fit}; until then {@link #dictionary()} and {@link #encode} fail). {@link #encode} keeps
 * the Gram matrix of the dictionary until the next fit.
 *
 * <p>Checkpoints ({@link Checkpointable}) hold the dictionary, the counters and a subclass's
 * accumulators ({@link #saveState}); the random stream is used only to initialise the dictionary, at
 * creation or on the first batch, so a learner restored after a batch continues bit for bit.
 */
abstract class SparseLearner implements DictionaryLearner, Checkpointable {
    private static final String DICTIONARY = "dictionary";
    private static final String PROGRESS = "progress";
    protected final LearnerSettings settings;
    protected final SplittableRandom rng;
    /** The threads that code batches, {@code settings.threads()} of them, kept for the learner's life. */
    protected final Workers workers;
    protected DMatrixRMaj dict;
    private final List<LearnerListener> listeners = new ArrayList<>();
    private BatchOmp coder;
    private long seen;
    private int batches;

    protected SparseLearner(LearnerSettings settings, LearnerContext context) {
        this.settings = settings;
        this.rng = new SplittableRandom(settings.seed());
        this.workers = new Workers(settings.threads());
        if (context.initialDictionary() != null) {
            dict = DictionaryInit.given(context.initialDictionary(), settings.m(), settings.atoms(), rng);
        } else if (settings.init().equals("random")) {
            dict = DictionaryInit.random(settings.m(), settings.atoms(), rng);
        }
    }

    /**
     * One training step on a batch; updates {@link #dict} in place or replaces it.
     *
     * @param y B×m batch (B ≥ 1, finite). Not modified.
     * @return the mean ‖y − D·x‖² of the batch after its coding, before the update
     */
    protected abstract double update(DMatrixRMaj y);

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public void fit(DMatrixRMaj y) {
        checkBatch(y);
        if (dict == null) {
            dict = DictionaryInit.fromData(y, settings.atoms(), rng);
        }
        double err = update(y);
        coder = null;
        seen += y.numRows;
        for (LearnerListener l : listeners) {
            l.afterBatch(batches, seen, dict, err);
        }
        batches++;
    }

    @Override
    public DMatrixRMaj dictionary() {
        requireDictionary();
        return dict;
    }

    @Override
    public long samplesSeen() {
        return seen;
    }

    @Override
    public Codes encode(DMatrixRMaj y) {
        requireDictionary();
        if (coder == null) {
            coder = new BatchOmp(dict);
        }
        return coder.encode(y, settings.sparsity(), settings.tol(), workers, null);
    }

    @Override
    public void coefficients(Codes codes, DMatrixRMaj out) {
        SparseCodes.scatter(codes, settings.atoms(), out);
    }

    @Override
    public void addListener(LearnerListener listener) {
        listeners.add(listener);
    }

    @Override
    public final Map<String, DMatrixRMaj> state() {
        requireDictionary();
        Map<String, DMatrixRMaj> state = new LinkedHashMap<>();
        state.put(DICTIONARY, dict.copy());
        DMatrixRMaj progress = new DMatrixRMaj(1, 2);
        progress.data[0] = batches;
        progress.data[1] = seen;
        state.put(PROGRESS, progress);
        saveState(state);
        return state;
    }

    @Override
    public final void restore(Map<String, DMatrixRMaj> state) {
        DMatrixRMaj saved = entry(state, DICTIONARY, settings.m(), settings.atoms());
        Checks.finite(settings.name() + " state '" + DICTIONARY + "'", saved);
        DMatrixRMaj progress = entry(state, PROGRESS, 1, 2);
        dict = saved.copy();
        coder = null;
        batches = (int) progress.data[0];
        seen = (long) progress.data[1];
        restoreState(state);
    }

    /**
     * Adds the subclass's accumulators to a checkpoint state; the default adds nothing.
     *
     * @param state the state being built. Modified.
     */
    protected void saveState(Map<String, DMatrixRMaj> state) {
    }

    /**
     * Restores what {@link #saveState} added; the default restores nothing.
     *
     * @param state as saved. Not modified.
     */
    protected void restoreState(Map<String, DMatrixRMaj> state) {
    }

    /**
     * @return the named entry of a saved state, checked to be rows×cols
     * @throws GendictException INVALID_INPUT when it is missing or mis-shaped
     */
    protected final DMatrixRMaj entry(Map<String, DMatrixRMaj> state, String key, int rows, int cols) {
        DMatrixRMaj m = state.get(key);
        if (m == null) {
            throw new GendictException(ErrorKind.INVALID_INPUT, settings.name() + " state: missing entry '" + key + "'");
        }
        Checks.shape(settings.name() + " state '" + key + "'", m, rows, cols);
        return m;
    }

    /**
     * Codes a batch with the current dictionary.
     *
     * @param y          B×m batch. Not modified.
     * @param residualSq length B, receives ‖y_b − D x_b‖². Modified.
     * @return the codes
     */
    protected Codes code(DMatrixRMaj y, double[] residualSq) {
        return new BatchOmp(dict).encode(y, settings.sparsity(), settings.tol(), workers, residualSq);
    }

    /** @return the mean of the first {@code rows} entries */
    protected static double mean(double[] v, int rows) {
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += v[i];
        }
        return s / rows;
    }

    private void checkBatch(DMatrixRMaj y) {
        Checks.shape(settings.name() + " training batch", y, -1, settings.m());
        if (y.numRows == 0) {
            throw new GendictException(ErrorKind.INVALID_INPUT, settings.name() + " training batch: expected at least one sample, got 0 rows");
        }
        Checks.finite(settings.name() + " training batch", y);
    }

    private void requireDictionary() {
        if (dict == null) {
            throw new GendictException(ErrorKind.INVALID_INPUT, settings.name()
                    + ": no dictionary yet: init=data takes the atoms from the first training batch; call fit first");
        }
    }
}
