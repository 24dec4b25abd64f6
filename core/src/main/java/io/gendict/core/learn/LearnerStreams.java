package io.gendict.core.learn;

import java.util.SplittableRandom;

/**
 * The random streams of a generative learner, all split from its root seed (docs/algorithms.md §3): one
 * for the initial dictionary, one for the start of a run (e.g. an update rule's estimates), one for
 * encoding, and a seed from which batch t's stream is derived by t alone. Round r of a batch decodes
 * with the r-th split of the batch's stream, and chunk c of {@value #CHUNK} rows of a round with the
 * (c+1)-th split of the round's stream. Anything that decodes a round elsewhere (e.g. on a cluster)
 * rebuilds exactly these streams with {@link #chunks}, so it decodes bit for bit like the local learner.
 *
 * @since 0.1
 */
public final class LearnerStreams {
    /** Rows decoded with one stream. */
    public static final int CHUNK = 8;

    private final SplittableRandom init;
    private final SplittableRandom start;
    private final SplittableRandom encode;
    private final long batchSeed;

    /** @param seed the learner's root seed */
    public LearnerStreams(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        this.init = root.split();
        this.start = root.split();
        this.encode = root.split();
        this.batchSeed = root.nextLong();
    }

    /** @return the stream of the initial dictionary (live; advanced by its user) */
    public SplittableRandom init() {
        return init;
    }

    /** @return the stream of the start of a run (live; advanced by its user) */
    public SplittableRandom start() {
        return start;
    }

    /** @return the stream of encoding (live; advanced by its user) */
    public SplittableRandom encode() {
        return encode;
    }

    /**
     * @param batch 0-based batch index
     * @return a fresh stream of that batch, a function of the seed and the index only
     */
    public SplittableRandom batch(int batch) {
        return new SplittableRandom(new SplittableRandom(batchSeed ^ (0x9E3779B97F4A7C15L * (batch + 1L))).nextLong());
    }

    /**
     * The streams of chunks {@code from} to {@code to - 1} of one decode round of a batch.
     *
     * @param batch 0-based batch index
     * @param round 1-based round within the batch
     * @param from  first chunk, ≥ 0
     * @param to    one past the last chunk
     * @return {@code to - from} fresh streams
     */
    public SplittableRandom[] chunks(int batch, int round, int from, int to) {
        SplittableRandom b = batch(batch);
        SplittableRandom r = null;
        for (int i = 0; i < round; i++) {
            r = b.split();
        }
        return chunkStreams(r, from, to);
    }

    /**
     * @param round the stream of one decode round. Modified (split {@code to} times).
     * @param from  first chunk, ≥ 0
     * @param to    one past the last chunk
     * @return the streams of chunks {@code from} to {@code to - 1}
     */
    static SplittableRandom[] chunkStreams(SplittableRandom round, int from, int to) {
        SplittableRandom[] out = new SplittableRandom[to - from];
        for (int c = 0; c < to; c++) {
            SplittableRandom s = round.split();
            if (c >= from) {
                out[c - from] = s;
            }
        }
        return out;
    }
}
