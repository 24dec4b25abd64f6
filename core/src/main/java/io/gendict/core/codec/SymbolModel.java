package io.gendict.core.codec;

/**
 * An adaptive model of a stream of non-negative symbols, coded as binary decisions by a
 * {@link RangeEncoder}: {@link BitTreeModel} for symbols of at most {@value #TREE_LIMIT} bits (it
 * learns their whole distribution), {@link LengthModel} for wider ones (it learns the distribution of
 * their bit lengths and of each bit below the leading one). Stateful: encoder and decoder must
 * create equal models and feed them the same symbols in the same order.
 */
interface SymbolModel {
    /** The widest symbols a {@link BitTreeModel} codes. */
    int TREE_LIMIT = 12;

    /**
     * @param encoder the stream
     * @param symbol  a symbol the model admits
     */
    void encode(RangeEncoder encoder, long symbol);

    /**
     * @param decoder the stream
     * @return the next symbol
     * @throws IllegalStateException when the stream holds a symbol the model does not admit
     */
    long decode(RangeDecoder decoder);

    /**
     * @param width bits of the largest symbol, 1..64
     * @return a fresh model for such symbols
     */
    static SymbolModel forWidth(int width) {
        return width <= TREE_LIMIT ? new BitTreeModel(width) : new LengthModel();
    }

    /**
     * @param width bits of the largest symbol, 1..64
     * @return the bytes of context state {@link #forWidth} allocates
     */
    static long stateBytes(int width) {
        return Short.BYTES * (width <= TREE_LIMIT ? 1L << width : LengthModel.CONTEXTS);
    }
}
