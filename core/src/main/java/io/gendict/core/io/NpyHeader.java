package io.gendict.core.io;

import io.gendict.core.error.Checks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The header of a .npy file (NumPy format versions 1.0, 2.0 and 3.0): element type, byte order,
 * memory order, shape, and where the data starts. Immutable.
 *
 * @since 0.1
 */
public final class NpyHeader {
    /** Longest header dict accepted when reading, in bytes (NumPy's own default limit is 10000). */
    public static final int MAX_HEADER_BYTES = 1 << 20;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    private final int version;
    private final ElementType type;
    private final ByteOrder order;
    private final boolean fortranOrder;
    private final long[] shape;
    private final long dataOffset;

    private NpyHeader(int version, ElementType type, ByteOrder order, boolean fortranOrder, long[] shape,
                      long dataOffset) {
        this.version = version;
        this.type = type;
        this.order = order;
        this.fortranOrder = fortranOrder;
        this.shape = shape;
        this.dataOffset = dataOffset;
    }

    /** @return the major format version: 1, 2 or 3 */
    public int version() {
        return version;
    }

    /** @return the element type */
    public ElementType type() {
        return type;
    }

    /** @return the byte order of multi-byte elements */
    public ByteOrder order() {
        return order;
    }

    /** @return whether the data is stored column-major (Fortran order) rather than row-major */
    public boolean fortranOrder() {
        return fortranOrder;
    }

    /** @return the shape (a copy); every dimension is positive */
    public long[] shape() {
        return shape.clone();
    }

    /** @return number of elements (product of the shape; 1 for a 0-d array) */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** @return bytes of data after the header */
    public long dataBytes() {
        return elementCount() * type.size();
    }

    /** @return byte offset of the data from the start of the file */
    public long dataOffset() {
        return dataOffset;
    }

    /** @return the NumPy type string, e.g. {@code "<f8"} or {@code "|u1"} */
    public String descr() {
        char c = type.size() == 1 ? '|' : order == ByteOrder.LITTLE_ENDIAN ? '<' : '>';
        return c + type.npyCode();
    }

    @Override
    public String toString() {
        return "shape " + shapeText(shape) + " '" + descr() + "' " + (fortranOrder ? "Fortran" : "C") + " order";
    }

    /**
     * Builds a header for writing.
     *
     * @param version      1, 2 or 3, or 0 for the lowest that fits (1, else 2)
     * @param type         the element type
     * @param order        byte order of multi-byte elements
     * @param fortranOrder whether the data is column-major
     * @param shape        positive dimensions. Not modified.
     * @return the header
     * @throws io.gendict.core.error.GendictException INVALID_PARAMETER when {@code version} is 1 and the
     *                                                header does not fit it
     */
    static NpyHeader of(int version, ElementType type, ByteOrder order, boolean fortranOrder, long[] shape) {
        NpyHeader probe = new NpyHeader(version == 0 ? 1 : version, type, order, fortranOrder, shape.clone(), 0);
        int dictLength = probe.dictText().length();
        int v = version != 0 ? version : padded(10, dictLength) - 10 <= 0xFFFF ? 1 : 2;
        long total = padded(v == 1 ? 10 : 12, dictLength);
        Checks.parameter(v != 1 || total - 10 <= 0xFFFF, "npy version: a header of " + (total - 10)
                + " bytes does not fit format 1.0 (at most 65535)");
        return new NpyHeader(v, type, order, fortranOrder, probe.shape, total);
    }

    private static long padded(int prefix, int dictLength) {
        return ((prefix + dictLength + 1 + 63) / 64) * 64L;
    }

    /**
     * @return the complete header bytes: magic, version, length and the dict padded with spaces and
     *         a final newline to a multiple of 64 bytes
     */
    byte[] encode() {
        int headerLength = (int) dataOffset - (version == 1 ? 10 : 12);
        String dict = dictText();
        ByteBuffer b = ByteBuffer.allocate((int) dataOffset).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) {
            b.putShort((short) headerLength);
        } else {
            b.putInt(headerLength);
        }
        b.put(dict.getBytes(version == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
        while (b.position() < dataOffset - 1) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    private String dictText() {
        return "{'descr': '" + descr() + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + shapeText(shape) + ", }";
    }

    /**
     * Reads and validates a header.
     *
     * @param in     the stream, positioned at the magic. Advanced to the start of the data.
     * @param source the file, for messages
     * @return the header
     * @throws FormatException when the header is malformed or describes an unsupported array
     * @throws IOException     when reading fails
     */
    static NpyHeader read(InputStream in, String source) throws IOException {
        byte[] pre = StreamBytes.readExactly(in, 8, source, "the .npy magic and version");
        if (!Arrays.equals(pre, 0, 6, MAGIC, 0, 6)) {
            throw new FormatException(source, "not a .npy file: bad magic bytes " + hex(pre, 6));
        }
        int major = pre[6] & 0xFF;
        int minor = pre[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new FormatException(source, "unsupported .npy format version " + major + "." + minor
                    + " (expected 1.0, 2.0 or 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer len = ByteBuffer.wrap(StreamBytes.readExactly(in, lengthBytes, source, "the header length"))
                .order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? len.getShort() & 0xFFFF : len.getInt() & 0xFFFFFFFFL;
        if (headerLength > MAX_HEADER_BYTES) {
            throw new FormatException(source, "header length " + headerLength + " exceeds the limit "
                    + MAX_HEADER_BYTES);
        }
        byte[] dict = StreamBytes.readExactly(in, headerLength, source, "the header dict");
        String text = decode(dict, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1, source);
        return fromDict(PyLiteral.parse(text, source), major, 6 + 2 + lengthBytes + headerLength, source);
    }

    private static NpyHeader fromDict(Object parsed, int version, long dataOffset, String source) {
        if (!(parsed instanceof Map) || !((Map<?, ?>) parsed).keySet().equals(KEYS)) {
            throw new FormatException(source, "bad .npy header: expected a dict with keys descr, fortran_order"
                    + " and shape, got " + describe(parsed));
        }
        Map<?, ?> dict = (Map<?, ?>) parsed;
        if (!(dict.get("descr") instanceof String)) {
            throw new FormatException(source, "unsupported dtype " + describe(dict.get("descr"))
                    + " (structured dtypes are not supported)");
        }
        String descr = (String) dict.get("descr");
        ElementType type = descr.length() < 2 ? null : ElementType.ofNpyCode(descr.substring(1));
        ByteOrder order = type == null ? null : byteOrder(descr.charAt(0), type);
        if (order == null) {
            throw new FormatException(source, "unsupported dtype '" + descr + "' (expected one of <f8 >f8 <f4 >f4"
                    + " <i8 >i8 <i4 >i4 <i2 >i2 |i1 |u1)");
        }
        if (!(dict.get("fortran_order") instanceof Boolean)) {
            throw new FormatException(source, "bad .npy header: fortran_order is "
                    + describe(dict.get("fortran_order")) + ", expected True or False");
        }
        return new NpyHeader(version, type, order, (Boolean) dict.get("fortran_order"),
                shape(dict.get("shape"), type, source), dataOffset);
    }

    private static long[] shape(Object value, ElementType type, String source) {
        if (!(value instanceof List)) {
            throw new FormatException(source, "bad .npy header: shape is " + describe(value) + ", expected a tuple");
        }
        List<?> dims = (List<?>) value;
        long[] shape = new long[dims.size()];
        long bytes = type.size();
        for (int i = 0; i < shape.length; i++) {
            if (Long.valueOf(0).equals(dims.get(i))) {
                throw new FormatException(source, "holds an empty array (shape " + tuple(dims)
                        + "); expected at least one element along every dimension");
            }
            if (!(dims.get(i) instanceof Long) || (Long) dims.get(i) < 0) {
                throw new FormatException(source, "bad .npy header: dimension " + i + " of shape " + tuple(dims)
                        + " must be a positive integer");
            }
            shape[i] = (Long) dims.get(i);
            try {
                bytes = Math.multiplyExact(bytes, shape[i]);
            } catch (ArithmeticException e) {
                throw new FormatException(source, "bad .npy header: shape " + tuple(dims) + " overflows");
            }
        }
        return shape;
    }

    private static ByteOrder byteOrder(char c, ElementType type) {
        if (type.size() == 1 && (c == '|' || c == '<' || c == '>' || c == '=')) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        return switch (c) {
            case '<' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            case '=' -> ByteOrder.nativeOrder();
            default -> null;
        };
    }

    private static String decode(byte[] bytes, Charset charset, String source) {
        try {
            CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new FormatException(source, "bad .npy header: not valid " + charset.name());
        }
    }

    private static String describe(Object v) {
        String s = v instanceof String ? "'" + v + "'" : String.valueOf(v);
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static String hex(byte[] b, int n) {
        StringJoiner j = new StringJoiner(" ");
        for (int i = 0; i < n; i++) {
            j.add(String.format("%02X", b[i] & 0xFF));
        }
        return j.toString();
    }

    /**
     * @param shape dimensions
     * @return the Python tuple text, e.g. {@code (3,)} or {@code (2, 3)}
     */
    static String shapeText(long[] shape) {
        return tuple(Arrays.stream(shape).boxed().toList());
    }

    /** @return dimensions as Python writes a tuple, e.g. {@code (0, 3)} or {@code (5,)} */
    private static String tuple(List<?> dims) {
        if (dims.size() == 1) {
            return "(" + dims.get(0) + ",)";
        }
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (Object d : dims) {
            j.add(String.valueOf(d));
        }
        return j.toString();
    }
}
