package io.gendict.core.codec;

/** The zig-zag map between signed and unsigned 64-bit integers: 0, −1, 1, −2, … ↦ 0, 1, 2, 3, …. */
final class ZigZag {
    private ZigZag() {
    }

    static long encode(long value) {
        return (value << 1) ^ (value >> 63);
    }

    static long decode(long symbol) {
        return (symbol >>> 1) ^ -(symbol & 1);
    }
}
