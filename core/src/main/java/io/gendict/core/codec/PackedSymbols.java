package io.gendict.core.codec;

/**
 * The version 1 payload: indices in fixed-width fields, digits-mode values as zig-zag LEB128
 * varints, levels in exactly b bits; the last byte padded with zeros.
 */
final class PackedSymbols {
    private PackedSymbols() {
    }

    /** Writes packed symbols. */
    static final class Sink implements SymbolSink {
        private final SymbolLayout layout;
        private final BitWriter bits = new BitWriter();

        Sink(SymbolLayout layout) {
            this.layout = layout;
        }

        @Override
        public void index(long indexPlusOne) {
            bits.write(indexPlusOne, layout.indexBits());
        }

        @Override
        public void value(int column, long value) {
            if (layout.digits()) {
                bits.writeVarint(value);
            } else {
                bits.write(value, layout.valueBits());
            }
        }

        @Override
        public byte[] finish() {
            return bits.toByteArray();
        }
    }

    /** Reads packed symbols. */
    static final class Source implements SymbolSource {
        private final SymbolLayout layout;
        private final BitReader bits;

        Source(SymbolLayout layout, byte[] payload) {
            this.layout = layout;
            this.bits = new BitReader(payload);
        }

        @Override
        public long index() {
            return bits.read(layout.indexBits());
        }

        @Override
        public long value(int column) {
            return layout.digits() ? bits.readVarint() : bits.read(layout.valueBits());
        }

        @Override
        public void finish() {
            // padding bits are not checked: version 1 files were always read this way
        }
    }
}
