package io.gendict.core.io;

import io.gendict.core.error.Checks;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST (docs/algorithms.md §8), plain or gzip-compressed
 * (detected by the magic bytes 1F 8B; bytes after the last gzip member are refused): two zero
 * bytes, a type byte (0x08 ubyte, 0x09 byte, 0x0B int16,
 * 0x0C int32, 0x0D float32, 0x0E float64), the number of dimensions d, d big-endian uint32 sizes,
 * then the data, row-major and big-endian. An optional limit reads only the first items (first
 * dimension). A plain file must be exactly as long as its header says; a gzip stream is read
 * incrementally, never allocating far beyond what it really holds, and with a limit only the items
 * read are checked. Data that, with its float64 copy, exceeds the
 * {@link io.gendict.core.error.MemoryBudget} is refused before it is read beyond a first chunk.
 *
 * @since 0.1
 */
public final class Idx {
    /** Limit value meaning "read every item". */
    public static final int ALL = Integer.MAX_VALUE;

    private Idx() {
    }

    /**
     * @param file  the IDX file, plain or gzip
     * @param limit read at most this many items (first dimension), at least 1; {@link #ALL} for all
     * @return the array (big-endian, C order), its first dimension min(N, limit)
     * @throws FormatException  when the file is malformed or truncated
     * @throws GendictException INVALID_PARAMETER when limit &lt; 1; IO when the file cannot be read
     */
    public static NdArray read(Path file, int limit) {
        String source = file.toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, source, limit, Files.size(file));
        } catch (IOException e) {
            throw StreamBytes.failure(source, e);
        }
    }

    /**
     * Reads an IDX stream, plain or gzip, trusting no claimed size.
     *
     * @param in     the stream, at the first byte. Advanced past the items read (further when it has to
     *               be buffered here); not closed.
     * @param source the file, for messages
     * @param limit  read at most this many items, at least 1; {@link #ALL} for all
     * @return the array
     * @throws FormatException  when the content is malformed, truncated or corrupt
     * @throws GendictException INVALID_PARAMETER when limit &lt; 1; IO when reading fails otherwise
     */
    public static NdArray read(InputStream in, String source, int limit) {
        try {
            return read(in, source, limit, -1);
        } catch (IOException e) {
            throw StreamBytes.failure(source, e);
        }
    }

    /**
     * Reads an image file as one image per row: N×d1×…×dr becomes min(N, limit)×(d1·…·dr);
     * unsigned bytes are scaled by 1/255 into [0, 1] unless {@code raw}.
     *
     * @param file  the IDX file, plain or gzip, with at least two dimensions
     * @param limit read at most this many images; {@link #ALL} for all
     * @param raw   keep unsigned byte values 0–255 instead of scaling
     * @return a new matrix
     * @throws FormatException  when the file is malformed or has fewer than two dimensions
     * @throws GendictException INVALID_PARAMETER when limit &lt; 1; IO when the file cannot be read
     */
    public static DMatrixRMaj readImages(Path file, int limit, boolean raw) {
        NdArray a = read(file, limit);
        int[] shape = a.shape();
        if (shape.length < 2) {
            throw new FormatException(file.toString(), "expected images (N×rows×cols), got " + a);
        }
        double[] values = a.toDoubles();
        if (a.type() == ElementType.UINT8 && !raw) {
            for (int i = 0; i < values.length; i++) {
                values[i] /= 255.0;
            }
        }
        return DMatrixRMaj.wrap(shape[0], values.length / shape[0], values);
    }

    /**
     * @param file  a 1-D IDX file of integer labels, plain or gzip
     * @param limit read at most this many labels; {@link #ALL} for all
     * @return the labels
     * @throws FormatException  when the file is malformed, not 1-D or not of an integer type
     * @throws GendictException INVALID_PARAMETER when limit &lt; 1; IO when the file cannot be read
     */
    public static int[] readLabels(Path file, int limit) {
        NdArray a = read(file, limit);
        if (a.ndim() != 1) {
            throw new FormatException(file.toString(), "expected labels (1-D), got " + a);
        }
        return a.toInts(file.toString());
    }

    /** @param length the stream's length when known (a file), else -1; ignored for gzip content */
    private static NdArray read(InputStream in, String source, int limit, long length) throws IOException {
        Checks.parameter(limit >= 1, "IDX item limit: expected at least 1, got " + limit);
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1F && buffered.read() == 0x8B;
        buffered.reset();
        if (!gzip) {
            return parse(buffered, source, limit, length);
        }
        InputStream unclosed = new FilterInputStream(buffered) {
            @Override
            public void close() {
                // the caller owns the underlying stream; closing the gzip layer only frees its inflater
            }
        };
        try (InputStream unzipped = new StrictGzip(unclosed, source)) {
            return parse(unzipped, source, limit, -1);
        }
    }

    private static NdArray parse(InputStream in, String source, int limit, long length) throws IOException {
        ByteBuffer head = ByteBuffer.wrap(StreamBytes.readExactly(in, 4, source, "the IDX magic"));
        if (head.get(0) != 0 || head.get(1) != 0) {
            throw new FormatException(source, String.format("not an IDX file: magic %08X does not start with"
                    + " two zero bytes", head.getInt(0)));
        }
        ElementType type = ElementType.ofIdxCode(head.get(2) & 0xFF);
        if (type == null) {
            throw new FormatException(source, String.format("unsupported IDX type 0x%02X (expected 0x08, 0x09,"
                    + " 0x0B, 0x0C, 0x0D or 0x0E)", head.get(2) & 0xFF));
        }
        int ndim = head.get(3) & 0xFF;
        if (ndim == 0) {
            throw new FormatException(source, "IDX header has zero dimensions");
        }
        ByteBuffer dimBytes = ByteBuffer.wrap(StreamBytes.readExactly(in, 4L * ndim, source,
                "the " + ndim + " IDX dimensions")).order(ByteOrder.BIG_ENDIAN);
        int[] shape = new int[ndim];
        long itemBytes = type.size();
        for (int i = 0; i < ndim; i++) {
            long d = dimBytes.getInt() & 0xFFFFFFFFL;
            if (d == 0 || d > Integer.MAX_VALUE) {
                throw new FormatException(source, "IDX dimension " + i + " is " + d + ", expected 1.."
                        + Integer.MAX_VALUE);
            }
            shape[i] = (int) d;
            if (i > 0) {
                itemBytes = multiply(itemBytes, d, source);
            }
        }
        long totalBytes = multiply(itemBytes, shape[0], source);
        long present = length - 4 - 4L * ndim;
        if (length >= 0 && present != totalBytes) {
            throw new FormatException(source, (present < totalBytes ? "truncated: " : "size mismatch: ")
                    + "IDX header claims " + NpyHeader.shapeText(NdArray.toLong(shape)) + " of " + type
                    + " (" + totalBytes + " data bytes), the file holds " + present);
        }
        int items = Math.min(shape[0], limit);
        String what = "the data of " + items + " items of shape " + NpyHeader.shapeText(NdArray.toLong(shape));
        byte[] data = StreamBytes.readData(in, items * itemBytes, type.size(), source, what, length >= 0);
        if (items == shape[0] && length < 0) {
            StreamBytes.requireEnd(in, source, what);
        }
        shape[0] = items;
        return new NdArray(type, ByteOrder.BIG_ENDIAN, shape, false, data);
    }

    /** A gzip stream that, at its end, refuses bytes after the last member instead of ignoring them. */
    private static final class StrictGzip extends GZIPInputStream {
        private static final int TRAILER = 8;
        private final String source;

        StrictGzip(InputStream in, String source) throws IOException {
            super(in, 1 << 16);
            this.source = source;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0 && (inf.getRemaining() > TRAILER || in.available() > 0)) {
                throw new FormatException(source, "unexpected bytes after the gzip data");
            }
            return n;
        }
    }

    private static long multiply(long a, long b, String source) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new FormatException(source, "IDX dimensions overflow: " + a + " × " + b);
        }
    }
}
