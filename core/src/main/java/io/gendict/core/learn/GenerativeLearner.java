package io.gendict.core.learn;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Kernels;
import io.gendict.core.spi.BlockEncoder;
import io.gendict.core.spi.Checkpointable;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.LearnerListener;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What every generative method shares: the dictionary (from the context or Uniform[0,1) from the
 * seed, docs/algorithms.md §3), input checks, batch and sample counts, listeners, and encoding with a
 * decode oracle from starts drawn from p_z. Random streams are split from the seed
 * ({@link LearnerStreams}); each training batch's stream is derived by its index ({@link #batchRng}),
 * so a run restored from a {@link Checkpointable#state()} continues bit for bit.
 */
abstract class GenerativeLearner implements DictionaryLearner, Checkpointable {
    private static final String DICTIONARY = "dictionary";
    private static final String PROGRESS = "progress";
    protected final String name;
    protected final GenerativePrior prior;
    protected final DMatrixRMaj a;
    protected final SplittableRandom startRng;
    private final LearnerStreams streams;
    private final SplittableRandom encodeRng;
    private final ChunkedDecoder encoder;
    private final List<LearnerListener> listeners = new ArrayList<>();
    private long samples;
    private int batches;

    GenerativeLearner(String name, LearnerContext context, DecodeOracle encodeOracle) {
        this.name = name;
        this.prior = context.prior();
        Checks.parameter(context.m() >= 1, name + ": data dimension m = " + context.m() + ", expected >= 1");
        Checks.parameter(context.threads() >= 1, name + ": threads = " + context.threads() + ", expected >= 1");
        this.streams = new LearnerStreams(context.seed());
        SplittableRandom initRng = streams.init();
        this.startRng = streams.start();
        this.encodeRng = streams.encode();
        int n = prior.outputDim();
        if (context.initialDictionary() != null) {
            Checks.shape("initial dictionary", context.initialDictionary(), context.m(), n);
            Checks.finite("initial dictionary", context.initialDictionary());
            this.a = context.initialDictionary().copy();
        } else {
            this.a = new DMatrixRMaj(context.m(), n);
            for (int i = 0; i < a.data.length; i++) {
                a.data[i] = initRng.nextDouble();
            }
        }
        this.encoder = new ChunkedDecoder(encodeOracle, context.threads());
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void fit(DMatrixRMaj y) {
        Checks.shape("Y", y, -1, a.numRows);
        requireFinite("Y", y);
        record(y.numRows, fitBatch(y, batches));
    }

    /** @return the 0-based index of the next batch */
    protected final int batchIndex() {
        return batches;
    }

    /**
     * Counts a consumed batch and tells the listeners.
     *
     * @param rows       samples in the batch
     * @param trainError the batch's mean squared reconstruction error after its decode
     */
    protected final void record(int rows, double trainError) {
        samples += rows;
        for (LearnerListener l : listeners) {
            l.afterBatch(batches, samples, a, trainError);
        }
        batches++;
    }

    /**
     * Consumes one checked batch; on a non-finite value it leaves {@link #a} as before the batch
     * and throws.
     *
     * @param y     B×m finite batch. Not modified.
     * @param batch 0-based batch index, for messages
     * @return the batch's mean squared reconstruction error after its decode
     */
    protected abstract double fitBatch(DMatrixRMaj y, int batch);

    @Override
    public final DMatrixRMaj dictionary() {
        return a;
    }

    @Override
    public final long samplesSeen() {
        return samples;
    }

    @Override
    public final Codes encode(DMatrixRMaj y) {
        return blockEncoder().encode(y);
    }

    /**
     * Codes blocks with one split of the encode stream, which each block continues chunk by chunk, so
     * that blocks of whole chunks code as one {@link #encode} of them all would.
     */
    @Override
    public final BlockEncoder blockEncoder() {
        return new SequenceEncoder(encodeRng.split());
    }

    /**
     * The latents of checked samples against the current A: by default the oracle's decode from
     * the given starts (drawn from p_z when {@code null}), each chunk of rows with the next split of
     * {@code stream}.
     *
     * @param y      B×m finite samples. Not modified.
     * @param starts B×k starting latents from {@link #encodeStarts}, or {@code null}
     * @param stream the encoding round's stream, continued from the previous block. Modified.
     * @return B×k latents
     */
    protected DMatrixRMaj decode(DMatrixRMaj y, DMatrixRMaj starts, SplittableRandom stream) {
        return encoder.decode(a, prior, y, starts, stream, null).z();
    }

    /** The blocks of one sequence, decoded with the chunk streams of one round in order. */
    private final class SequenceEncoder implements BlockEncoder {
        private final SplittableRandom round;
        private boolean partialChunk;

        SequenceEncoder(SplittableRandom round) {
            this.round = round;
        }

        @Override
        public Codes encode(DMatrixRMaj y) {
            Checks.shape("Y", y, -1, a.numRows);
            requireFinite("Y", y);
            if (partialChunk) {
                throw new IllegalStateException(name + ": a block follows one that ended in a partial chunk");
            }
            partialChunk = y.numRows % ChunkedDecoder.CHUNK != 0;
            return new Codes(decode(y, encodeStarts(y), round), null);
        }
    }

    /**
     * Where {@link #encode} starts its decode; the default, {@code null}, lets the oracle draw
     * starts from p_z.
     *
     * @param y B×m samples. Not modified.
     * @return B×k starting latents, or {@code null}
     */
    protected DMatrixRMaj encodeStarts(DMatrixRMaj y) {
        return null;
    }

    @Override
    public final void coefficients(Codes codes, DMatrixRMaj out) {
        if (codes.sparse()) {
            throw new GendictException(ErrorKind.INVALID_INPUT, name + ": expected dense latent codes, got sparse codes");
        }
        Checks.shape("codes", codes.values(), -1, prior.latentDim());
        Checks.shape("coefficients", out, codes.values().numRows, prior.outputDim());
        prior.forward(codes.values(), out);
    }

    /**
     * The random stream of one training batch, a function of the seed and the batch index only.
     *
     * @param batch 0-based batch index
     * @return a fresh stream
     */
    protected final SplittableRandom batchRng(int batch) {
        return streams.batch(batch);
    }

    @Override
    public Map<String, DMatrixRMaj> state() {
        Map<String, DMatrixRMaj> state = new LinkedHashMap<>();
        state.put(DICTIONARY, a.copy());
        DMatrixRMaj progress = new DMatrixRMaj(1, 2);
        progress.data[0] = batches;
        progress.data[1] = samples;
        state.put(PROGRESS, progress);
        return state;
    }

    @Override
    public void restore(Map<String, DMatrixRMaj> state) {
        DMatrixRMaj saved = entry(state, DICTIONARY);
        DMatrixRMaj progress = entry(state, PROGRESS);
        Checks.shape(name + " state '" + DICTIONARY + "'", saved, a.numRows, a.numCols);
        Checks.finite(name + " state '" + DICTIONARY + "'", saved);
        Checks.shape(name + " state '" + PROGRESS + "'", progress, 1, 2);
        a.setTo(saved);
        batches = (int) progress.data[0];
        samples = (long) progress.data[1];
    }

    /**
     * @return the named entry of a saved state
     * @throws GendictException INVALID_INPUT when it is missing
     */
    protected final DMatrixRMaj entry(Map<String, DMatrixRMaj> state, String key) {
        DMatrixRMaj m = state.get(key);
        if (m == null) {
            throw new GendictException(ErrorKind.INVALID_INPUT, name + " state: missing entry '" + key + "'");
        }
        return m;
    }

    /**
     * @param state    as saved. Not modified.
     * @param key      the entry holding a window of recent samples
     * @param capacity the most rows the window may hold
     * @return the entry, checked to be finite with m columns and at most {@code capacity} rows
     * @throws GendictException INVALID_INPUT or INVALID_PARAMETER naming the entry
     */
    protected final DMatrixRMaj windowEntry(Map<String, DMatrixRMaj> state, String key, int capacity) {
        DMatrixRMaj saved = entry(state, key);
        Checks.shape(name + " state '" + key + "'", saved, -1, a.numRows);
        Checks.parameter(saved.numRows <= capacity, name + " state '" + key + "' has "
                + saved.numRows + " rows, more than the window of " + capacity);
        Checks.finite(name + " state '" + key + "'", saved);
        return saved;
    }

    @Override
    public final void addListener(LearnerListener listener) {
        listeners.add(listener);
    }

    /**
     * @return a NUMERICAL_FAILURE naming the method, the batch and the step
     */
    GendictException nonFinite(int batch, String step) {
        return new GendictException(ErrorKind.NUMERICAL_FAILURE,
                name + ": non-finite value in " + step + " of batch " + batch + "; dictionary left as before the batch");
    }

    /** {@link Checks#finite}, after the fast {@link #finite} test, so that the message names the first bad entry. */
    private static void requireFinite(String what, DMatrixRMaj m) {
        if (!finite(m)) {
            Checks.finite(what, m);
        }
    }

    /**
     * @return whether every entry of m is finite: true at once when the SIMD sum of squares is finite
     * (a NaN or infinite entry makes it NaN or infinite); entry by entry otherwise, since huge finite
     * entries overflow it too
     */
    static boolean finite(DMatrixRMaj m) {
        double[] d = m.data;
        int size = m.numRows * m.numCols;
        if (Double.isFinite(Kernels.get().dot(size, d, 0, d, 0))) {
            return true;
        }
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(d[i])) {
                return false;
            }
        }
        return true;
    }
}
