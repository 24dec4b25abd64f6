package io.gendict.core.codec;

/**
 * What the payload's symbols are: per row, for sparse codes, each slot's atom index + 1 (0 = unused)
 * in {@code indexBits} bits; then each used slot's value — a signed integer round(v·10^D) in digits
 * mode, a level index of {@code valueBits} bits in bits mode.
 *
 * @param cols      values (slots) per row
 * @param indexBits bits of an atom index + 1, 0 for dense codes
 * @param digits    whether values are signed decimal integers (else unsigned levels)
 * @param valueBits bits of a level in bits mode, 64 in digits mode
 */
record SymbolLayout(int cols, int indexBits, boolean digits, int valueBits) {
    /**
     * @param rows the rows of the payload
     * @return the bytes of adaptive model state an arithmetic payload of this layout needs at most
     */
    long modelBytes(int rows) {
        long index = indexBits == 0 ? 0 : SymbolModel.stateBytes(indexBits);
        long columns = rows == 0 ? 0 : cols;
        long perColumn = SymbolModel.stateBytes(valueBits);
        return perColumn > Long.MAX_VALUE / Math.max(1, columns) ? Long.MAX_VALUE : index + perColumn * columns;
    }
}
