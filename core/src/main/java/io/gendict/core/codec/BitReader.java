package io.gendict.core.codec;

/**
 * Reads what {@link BitWriter} wrote; running past the end throws {@link IllegalStateException}.
 */
final class BitReader {
    private final byte[] data;
    private long position;

    BitReader(byte[] data) {
        this.data = data;
    }

    long read(int width) {
        if (position + width > 8L * data.length) {
            throw new IllegalStateException("payload ends early");
        }
        long v = 0;
        for (int i = 0; i < width; i++, position++) {
            int bit = (data[(int) (position >>> 3)] >>> (7 - (int) (position & 7))) & 1;
            v = (v << 1) | bit;
        }
        return v;
    }

    long readVarint() {
        long z = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 63) {
                throw new IllegalStateException("varint longer than 64 bits");
            }
            long b = read(8);
            z |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        return ZigZag.decode(z);
    }
}
