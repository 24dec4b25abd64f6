package io.gendict.core.codec;

/**
 * How a {@link CodeContainer} stores its symbols (atom indices and quantized values).
 *
 * @since 0.1
 */
public enum PayloadFormat {
    /** Container version 1: fixed-width fields and varints, exactly b bits per value in bits mode. */
    PACKED(1),
    /**
     * Container version 2: the same symbols coded by an adaptive binary range coder, one model per
     * column and one for atom indices, so frequent values cost less than b bits.
     */
    ARITHMETIC(2);

    private final int version;

    PayloadFormat(int version) {
        this.version = version;
    }

    /** @return the container version that stores this payload */
    public int version() {
        return version;
    }

    /**
     * @param version a container version
     * @return its payload format, or {@code null} for an unknown version
     */
    static PayloadFormat ofVersion(int version) {
        for (PayloadFormat f : values()) {
            if (f.version == version) {
                return f;
            }
        }
        return null;
    }
}
