package io.gendict.core.codec;

/**
 * Reads the decisions of a {@link RangeEncoder} stream with the same adaptive contexts. A stream
 * read past its end, or not read to its end by {@link #finish()}, throws
 * {@link IllegalStateException}: a valid stream is consumed exactly.
 */
final class RangeDecoder {
    private static final int ONE = 1 << RangeEncoder.PROBABILITY_BITS;
    private static final int ADAPT_SHIFT = 5;
    private static final int TOP = 1 << 24;

    private final byte[] data;
    private int position;
    private int range = -1;
    private int code;

    /**
     * @param data the stream. Not modified.
     * @throws IllegalStateException when it is shorter than the 5 bytes every stream starts with
     */
    RangeDecoder(byte[] data) {
        this.data = data;
        if (next() != 0) {
            throw new IllegalStateException("arithmetic-coded payload does not start with 0");
        }
        for (int i = 0; i < 4; i++) {
            code = (code << 8) | next();
        }
    }

    /**
     * @param probabilities the contexts, as the encoder had them. Modified.
     * @param context       which context
     * @return the decoded bit
     */
    int decode(short[] probabilities, int context) {
        int p = probabilities[context];
        int bound = (range >>> RangeEncoder.PROBABILITY_BITS) * p;
        int bit;
        if (Integer.compareUnsigned(code, bound) < 0) {
            range = bound;
            probabilities[context] = (short) (p + ((ONE - p) >>> ADAPT_SHIFT));
            bit = 0;
        } else {
            code -= bound;
            range -= bound;
            probabilities[context] = (short) (p - (p >>> ADAPT_SHIFT));
            bit = 1;
        }
        while (Integer.compareUnsigned(range, TOP) < 0) {
            range <<= 8;
            code = (code << 8) | next();
        }
        return bit;
    }

    /** @throws IllegalStateException when bytes are left over */
    void finish() {
        if (position != data.length) {
            throw new IllegalStateException((data.length - position) + " bytes after the last code");
        }
    }

    private int next() {
        if (position >= data.length) {
            throw new IllegalStateException("payload ends early");
        }
        return data[position++] & 0xFF;
    }
}
