package io.gendict.core.codec;

import java.io.ByteArrayOutputStream;

/**
 * Appends fixed-width unsigned fields and LEB128 varints to a byte stream, most significant bit
 * first; {@link #toByteArray()} pads the last byte with zeros.
 */
final class BitWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    /** Writes the low {@code width} bits of {@code value} (width 0..64). */
    void write(long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            current = (current << 1) | (int) ((value >>> i) & 1);
            if (++used == 8) {
                out.write(current);
                current = 0;
                used = 0;
            }
        }
    }

    /** Writes a signed value as a zig-zag LEB128 varint (byte-aligned groups of 7 bits). */
    void writeVarint(long value) {
        long z = ZigZag.encode(value);
        do {
            long group = z & 0x7F;
            z >>>= 7;
            write(z != 0 ? group | 0x80 : group, 8);
        } while (z != 0);
    }

    byte[] toByteArray() {
        if (used > 0) {
            out.write(current << (8 - used));
            current = 0;
            used = 0;
        }
        return out.toByteArray();
    }
}
