package io.gendict.core.codec;

/**
 * The version 2 payload: every symbol of {@link SymbolLayout} coded by one {@link RangeEncoder}
 * stream, atom indices with one shared {@link SymbolModel}, the values of each column with their
 * own (digits-mode integers zig-zag mapped to unsigned first), so each model learns its column's
 * distribution as the rows go by. A column's model is allocated when its first value is coded.
 */
final class ArithmeticSymbols {
    private ArithmeticSymbols() {
    }

    /** The model of a column's values, created when the column's first value is coded. */
    private static SymbolModel valueModel(SymbolModel[] models, int column, SymbolLayout layout) {
        if (models[column] == null) {
            models[column] = SymbolModel.forWidth(layout.valueBits());
        }
        return models[column];
    }

    private static SymbolModel indexModel(SymbolLayout layout) {
        return layout.indexBits() == 0 ? null : SymbolModel.forWidth(layout.indexBits());
    }

    /** Writes arithmetic-coded symbols. */
    static final class Sink implements SymbolSink {
        private final SymbolLayout layout;
        private final RangeEncoder encoder = new RangeEncoder();
        private final SymbolModel indices;
        private final SymbolModel[] values;

        Sink(SymbolLayout layout) {
            this.layout = layout;
            this.indices = indexModel(layout);
            this.values = new SymbolModel[layout.cols()];
        }

        @Override
        public void index(long indexPlusOne) {
            indices.encode(encoder, indexPlusOne);
        }

        @Override
        public void value(int column, long value) {
            valueModel(values, column, layout).encode(encoder, layout.digits() ? ZigZag.encode(value) : value);
        }

        @Override
        public byte[] finish() {
            return encoder.finish();
        }
    }

    /** Reads arithmetic-coded symbols. */
    static final class Source implements SymbolSource {
        private final SymbolLayout layout;
        private final RangeDecoder decoder;
        private final SymbolModel indices;
        private final SymbolModel[] values;

        Source(SymbolLayout layout, byte[] payload) {
            this.layout = layout;
            this.decoder = new RangeDecoder(payload);
            this.indices = indexModel(layout);
            this.values = new SymbolModel[layout.cols()];
        }

        @Override
        public long index() {
            return indices.decode(decoder);
        }

        @Override
        public long value(int column) {
            long symbol = valueModel(values, column, layout).decode(decoder);
            if (layout.digits()) {
                return ZigZag.decode(symbol);
            }
            if (layout.valueBits() < 64 && symbol >>> layout.valueBits() != 0) {
                throw new IllegalStateException("level " + symbol + " exceeds " + layout.valueBits() + " bits");
            }
            return symbol;
        }

        @Override
        public void finish() {
            decoder.finish();
        }
    }
}
