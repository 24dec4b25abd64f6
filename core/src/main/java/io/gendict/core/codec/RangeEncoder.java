package io.gendict.core.codec;

import java.io.ByteArrayOutputStream;

/**
 * An adaptive binary range coder (the carry-less scheme of LZMA): each binary decision is coded
 * with an 11-bit probability that adapts by 1/32 of the distance to the observed bit, so a
 * decision costs between 0.022 and 6.0 bits and a stream of symbols costs close to its adaptive
 * entropy. {@link RangeDecoder} reads the bytes back; both must see the same models in the same order.
 */
final class RangeEncoder {
    /** Bits of a probability. */
    static final int PROBABILITY_BITS = 11;
    /** A probability of one half, the initial state of every context. */
    static final short HALF = 1 << (PROBABILITY_BITS - 1);
    private static final int ONE = 1 << PROBABILITY_BITS;
    private static final int ADAPT_SHIFT = 5;
    private static final int TOP = 1 << 24;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long low;
    private int range = -1;
    private int cache;
    private long cacheSize = 1;

    /**
     * Codes one decision and adapts its context.
     *
     * @param probabilities contexts, each the probability of a 0 in units of 2^-11. Modified.
     * @param context       which context
     * @param bit           0 or 1
     */
    void encode(short[] probabilities, int context, int bit) {
        int p = probabilities[context];
        int bound = (range >>> PROBABILITY_BITS) * p;
        if (bit == 0) {
            range = bound;
            probabilities[context] = (short) (p + ((ONE - p) >>> ADAPT_SHIFT));
        } else {
            low += bound & 0xFFFFFFFFL;
            range -= bound;
            probabilities[context] = (short) (p - (p >>> ADAPT_SHIFT));
        }
        while (Integer.compareUnsigned(range, TOP) < 0) {
            range <<= 8;
            shiftLow();
        }
    }

    /** @return the coded bytes; the encoder must not be used afterwards */
    byte[] finish() {
        for (int i = 0; i < 5; i++) {
            shiftLow();
        }
        return out.toByteArray();
    }

    private void shiftLow() {
        if (low < 0xFF000000L || low > 0xFFFFFFFFL) {
            int carry = (int) (low >>> 32);
            int pending = cache;
            do {
                out.write(pending + carry);
                pending = 0xFF;
            } while (--cacheSize != 0);
            cache = (int) (low >>> 24) & 0xFF;
        }
        cacheSize++;
        low = (low & 0x00FFFFFFL) << 8;
    }

    /**
     * The most binary decisions a valid stream of {@code length} bytes can hold: each decision
     * costs at least −log2(2017/2048) ≈ 0.022 bits, so fewer than 46 per bit.
     *
     * @param length stream length in bytes
     * @return an upper bound on the decisions it codes
     */
    static long maxDecisions(long length) {
        return 46L * 8 * (length + 1);
    }
}
