package io.gendict.core.codec;

import java.util.Arrays;

/**
 * Codes any unsigned 64-bit symbol as its bit length L (0..64, a 7-bit {@link BitTreeModel}) and
 * then its L − 1 bits below the leading one, each in a context of (L, bit position): an adaptive
 * Elias-gamma code, small for symbols near 0 and never more than about 71 decisions.
 */
final class LengthModel implements SymbolModel {
    /** Contexts of the bits below the leading one: 65 lengths × 64 positions. */
    static final int CONTEXTS = 65 * 64 + (1 << 7);
    private static final int LENGTH_BITS = 7;
    private final BitTreeModel length = new BitTreeModel(LENGTH_BITS);
    private final short[] probabilities = new short[65 * 64];

    LengthModel() {
        Arrays.fill(probabilities, RangeEncoder.HALF);
    }

    @Override
    public void encode(RangeEncoder encoder, long symbol) {
        int bits = 64 - Long.numberOfLeadingZeros(symbol);
        length.encode(encoder, bits);
        for (int i = bits - 2; i >= 0; i--) {
            encoder.encode(probabilities, bits * 64 + i, (int) (symbol >>> i) & 1);
        }
    }

    @Override
    public long decode(RangeDecoder decoder) {
        int bits = (int) length.decode(decoder);
        if (bits > 64) {
            throw new IllegalStateException("a symbol of " + bits + " bits");
        }
        if (bits == 0) {
            return 0;
        }
        long symbol = 1;
        for (int i = bits - 2; i >= 0; i--) {
            symbol = (symbol << 1) | decoder.decode(probabilities, bits * 64 + i);
        }
        return symbol;
    }
}
