package io.gendict.core.io;

import java.nio.ByteBuffer;

/**
 * Element types of the array formats: their size, NumPy type code ({@code u1}, {@code f8}, …) and
 * IDX type byte (docs/algorithms.md §8). Values are read and written as {@code double}; 64-bit integers
 * beyond ±2^53 lose precision.
 *
 * @since 0.1
 */
public enum ElementType {
    /** Unsigned byte: NumPy {@code u1}, IDX 0x08. */
    UINT8(1, "u1", 0x08, 0, 255),
    /** Signed byte: NumPy {@code i1}, IDX 0x09. */
    INT8(1, "i1", 0x09, Byte.MIN_VALUE, Byte.MAX_VALUE),
    /** 16-bit integer: NumPy {@code i2}, IDX 0x0B. */
    INT16(2, "i2", 0x0B, Short.MIN_VALUE, Short.MAX_VALUE),
    /** 32-bit integer: NumPy {@code i4}, IDX 0x0C. */
    INT32(4, "i4", 0x0C, Integer.MIN_VALUE, Integer.MAX_VALUE),
    /** 64-bit integer: NumPy {@code i8}; no IDX code. */
    INT64(8, "i8", -1, -0x1p63, 0x1p63),
    /** 32-bit float: NumPy {@code f4}, IDX 0x0D. */
    FLOAT32(4, "f4", 0x0D, Double.NaN, Double.NaN),
    /** 64-bit float: NumPy {@code f8}, IDX 0x0E. */
    FLOAT64(8, "f8", 0x0E, Double.NaN, Double.NaN);

    private final int size;
    private final String npyCode;
    private final int idxCode;
    private final double min;
    private final double max;

    ElementType(int size, String npyCode, int idxCode, double min, double max) {
        this.size = size;
        this.npyCode = npyCode;
        this.idxCode = idxCode;
        this.min = min;
        this.max = max;
    }

    /** @return bytes per element */
    public int size() {
        return size;
    }

    /** @return the NumPy kind and size, e.g. {@code "f8"}, without the byte-order character */
    public String npyCode() {
        return npyCode;
    }

    /** @return the IDX type byte, or -1 when IDX has none */
    public int idxCode() {
        return idxCode;
    }

    /** @return whether this is an integer type */
    public boolean isInteger() {
        return this != FLOAT32 && this != FLOAT64;
    }

    /**
     * @param code NumPy kind and size, e.g. {@code "f8"}
     * @return the type, or {@code null} when unsupported
     */
    static ElementType ofNpyCode(String code) {
        for (ElementType t : values()) {
            if (t.npyCode.equals(code)) {
                return t;
            }
        }
        return null;
    }

    /**
     * @param code IDX type byte
     * @return the type, or {@code null} when unsupported
     */
    static ElementType ofIdxCode(int code) {
        for (ElementType t : values()) {
            if (t.idxCode == code) {
                return t;
            }
        }
        return null;
    }

    /**
     * Reads one element at an absolute byte index, in the buffer's byte order.
     *
     * @param b     the data. Not modified (position untouched).
     * @param index byte index of the element
     * @return the element as a double
     */
    double get(ByteBuffer b, int index) {
        return switch (this) {
            case UINT8 -> b.get(index) & 0xFF;
            case INT8 -> b.get(index);
            case INT16 -> b.getShort(index);
            case INT32 -> b.getInt(index);
            case INT64 -> b.getLong(index);
            case FLOAT32 -> b.getFloat(index);
            case FLOAT64 -> b.getDouble(index);
        };
    }

    /**
     * Writes one element at an absolute byte index, in the buffer's byte order.
     *
     * @param b     the data. Modified at {@code index}.
     * @param index byte index of the element
     * @param v     the value; for integer types it must be an integer in range
     * @return whether {@code v} is representable (nothing is written when it is not)
     */
    boolean put(ByteBuffer b, int index, double v) {
        if (isInteger() && !(v == Math.rint(v) && v >= min && v < max + 1)) {
            return false;
        }
        switch (this) {
            case UINT8, INT8 -> b.put(index, (byte) (int) v);
            case INT16 -> b.putShort(index, (short) v);
            case INT32 -> b.putInt(index, (int) v);
            case INT64 -> b.putLong(index, (long) v);
            case FLOAT32 -> b.putFloat(index, (float) v);
            default -> b.putDouble(index, v);
        }
        return true;
    }
}
