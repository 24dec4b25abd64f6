package io.gendict.core.codec;

import java.util.Arrays;

/**
 * Codes w-bit symbols most significant bit first, each bit in the context of the bits above it
 * (2^w contexts), so the model converges to the symbols' full distribution.
 */
final class BitTreeModel implements SymbolModel {
    private final int width;
    private final short[] probabilities;

    /**
     * @param width bits per symbol, 1..{@value SymbolModel#TREE_LIMIT}
     */
    BitTreeModel(int width) {
        this.width = width;
        this.probabilities = new short[1 << width];
        Arrays.fill(probabilities, RangeEncoder.HALF);
    }

    @Override
    public void encode(RangeEncoder encoder, long symbol) {
        int node = 1;
        for (int i = width - 1; i >= 0; i--) {
            int bit = (int) (symbol >>> i) & 1;
            encoder.encode(probabilities, node, bit);
            node = (node << 1) | bit;
        }
    }

    @Override
    public long decode(RangeDecoder decoder) {
        int node = 1;
        for (int i = 0; i < width; i++) {
            node = (node << 1) | decoder.decode(probabilities, node);
        }
        return node - (1L << width);
    }
}
