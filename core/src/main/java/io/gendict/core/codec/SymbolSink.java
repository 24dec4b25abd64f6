package io.gendict.core.codec;

/** Receives a payload's symbols in order ({@link SymbolLayout}) and returns its bytes. */
interface SymbolSink {
    /** @param indexPlusOne an atom index + 1, 0 for an unused slot */
    void index(long indexPlusOne);

    /**
     * @param column the value's column
     * @param value  a signed integer (digits mode) or a level (bits mode)
     */
    void value(int column, long value);

    /** @return the payload */
    byte[] finish();

    /**
     * @param format the payload format
     * @param layout the symbols' layout
     * @return an empty sink
     */
    static SymbolSink of(PayloadFormat format, SymbolLayout layout) {
        return format == PayloadFormat.PACKED ? new PackedSymbols.Sink(layout) : new ArithmeticSymbols.Sink(layout);
    }
}
