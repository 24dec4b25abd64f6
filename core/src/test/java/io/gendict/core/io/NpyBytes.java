package io.gendict.core.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds .npy bytes by hand, exactly as NumPy lays them out, for tests. */
final class NpyBytes {
    private NpyBytes() {
    }

    /**
     * @param version 1, 2 or 3
     * @param dict    the header dict text, e.g. {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }}
     * @param data    the raw data bytes
     * @return magic, version, length, the dict padded with spaces and a newline to a multiple of 64, data
     */
    static byte[] npy(int version, String dict, byte[] data) {
        byte[] text = dict.getBytes(version == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int prefix = version == 1 ? 10 : 12;
        int total = ((prefix + text.length + 1 + 63) / 64) * 64;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) version).put((byte) 0);
        if (version == 1) {
            b.putShort((short) (total - prefix));
        } else {
            b.putInt(total - prefix);
        }
        b.put(text);
        while (b.position() < total - 1) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(b.array());
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** @return the doubles as little-endian bytes */
    static byte[] littleEndian(double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** @return a header dict as NumPy writes it */
    static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + shape + ", }";
    }
}
