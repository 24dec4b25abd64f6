package com.example.gendict;

import io.gendict.core.spi.Checkpointable;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.LearnerListener;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the example's learners share: the dictionary (the context's initial one, else i.i.d.
 * N(0, 1/m) atoms drawn from the seed), the listeners called after every batch, the batch and
 * sample counters, and a checkpoint of all three. Not thread-safe.
 */
abstract class CountingLearner implements DictionaryLearner, Checkpointable {
    private final DMatrixRMaj dictionary;
    private final List<LearnerListener> listeners = new ArrayList<>();
    private long seen;
    private int batches;

    /**
     * @param context the run's dimensions, initial dictionary and seed
     * @param atoms   n, the number of atoms when there is no initial dictionary
     */
    CountingLearner(LearnerContext context, int atoms) {
        if (context.initialDictionary() != null) {
            dictionary = context.initialDictionary().copy();
        } else {
            SplittableRandom rng = new SplittableRandom(context.seed());
            dictionary = new DMatrixRMaj(context.m(), atoms);
            for (int i = 0; i < dictionary.getNumElements(); i++) {
                dictionary.data[i] = Gaussian.next(rng) / Math.sqrt(context.m());
            }
        }
    }

    /**
     * Counts a batch and calls the listeners.
     *
     * @param rows  the batch's rows
     * @param error its mean squared reconstruction error
     */
    void batchDone(int rows, double error) {
        seen += rows;
        for (LearnerListener l : listeners) {
            l.afterBatch(batches, seen, dictionary, error);
        }
        batches++;
    }

    /** @return further state a subclass saves beside the dictionary and counters (names without '.') */
    Map<String, DMatrixRMaj> extraState() {
        return Map.of();
    }

    /** @param state what {@link #extraState()} saved */
    void restoreExtra(Map<String, DMatrixRMaj> state) {
    }

    @Override
    public DMatrixRMaj dictionary() {
        return dictionary;
    }

    @Override
    public long samplesSeen() {
        return seen;
    }

    @Override
    public void addListener(LearnerListener listener) {
        listeners.add(listener);
    }

    @Override
    public Map<String, DMatrixRMaj> state() {
        Map<String, DMatrixRMaj> state = new HashMap<>();
        extraState().forEach((k, v) -> state.put("extra." + k, v.copy()));
        state.put("dictionary", dictionary.copy());
        state.put("counters", new DMatrixRMaj(new double[][]{{seen, batches}}));
        return state;
    }

    @Override
    public void restore(Map<String, DMatrixRMaj> state) {
        Map<String, DMatrixRMaj> extra = new HashMap<>();
        state.forEach((k, v) -> {
            if (k.startsWith("extra.")) {
                extra.put(k.substring("extra.".length()), v);
            }
        });
        restoreExtra(extra);
        dictionary.setTo(state.get("dictionary"));
        seen = (long) state.get("counters").get(0, 0);
        batches = (int) state.get("counters").get(0, 1);
    }
}
