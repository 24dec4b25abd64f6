package io.gendict.core.codec;

/**
 * Yields a payload's symbols in the order a {@link SymbolSink} took them; every method throws
 * {@link IllegalStateException} when the payload is truncated or corrupt.
 */
interface SymbolSource {
    /** @return the next atom index + 1 */
    long index();

    /**
     * @param column the value's column
     * @return the next value
     */
    long value(int column);

    /** Checks that the payload held nothing more. */
    void finish();

    /**
     * @param format  the payload format
     * @param layout  the symbols' layout
     * @param payload the bytes. Not modified.
     * @return a source positioned at the first symbol
     */
    static SymbolSource of(PayloadFormat format, SymbolLayout layout, byte[] payload) {
        return format == PayloadFormat.PACKED ? new PackedSymbols.Source(layout, payload)
                : new ArithmeticSymbols.Source(layout, payload);
    }
}
