package io.gendict.core.io;

import io.gendict.core.error.Checks;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A 1-D or 2-D .npy file memory-mapped read-only, for data sets larger than the heap: rows are read
 * on demand, in any order (e.g. shuffled mini-batches), into a caller-supplied matrix. The data
 * region is mapped in segments of at most 1 GiB, so files beyond 2 GiB work. A 1-D array of length
 * N is N rows of one column, as in {@link NdArray#toMatrix}. Any element type, byte order and memory
 * order is read; C order is fastest. Safe for concurrent reads. The mapping is released when this
 * object is garbage-collected (the JDK offers no explicit unmap).
 *
 * @since 0.1
 */
public final class MappedNpy {
    static final long DEFAULT_SEGMENT_BYTES = 1L << 30;

    private final Path file;
    private final NpyHeader header;
    private final ElementType type;
    private final int rows;
    private final int cols;
    private final long segmentBytes;
    private final ByteBuffer[] segments;
    /** Views of the segments as doubles for the common float64 case (bulk row copies), else null. */
    private final DoubleBuffer[] doubles;

    private MappedNpy(Path file, NpyHeader header, long segmentBytes, ByteBuffer[] segments) {
        long[] shape = header.shape();
        this.file = file;
        this.header = header;
        this.type = header.type();
        this.rows = (int) shape[0];
        this.cols = shape.length == 2 ? (int) shape[1] : 1;
        this.segmentBytes = segmentBytes;
        this.segments = segments;
        this.doubles = type == ElementType.FLOAT64 ? new DoubleBuffer[segments.length] : null;
        for (int i = 0; doubles != null && i < segments.length; i++) {
            doubles[i] = segments[i].asDoubleBuffer();
        }
    }

    /**
     * Maps a file.
     *
     * @param file the .npy file
     * @return the mapped array
     * @throws FormatException  when the file is malformed, its size does not match its header, it is
     *                          not 1-D or 2-D, or a dimension exceeds the int range
     * @throws GendictException IO when the file cannot be read or mapped
     */
    public static MappedNpy open(Path file) {
        return open(file, DEFAULT_SEGMENT_BYTES);
    }

    /**
     * @param segmentBytes bytes per mapped segment; a positive multiple of 8 so no element straddles two
     */
    static MappedNpy open(Path file, long segmentBytes) {
        String source = file.toString();
        NpyHeader h = Npy.readHeader(file);
        long[] shape = h.shape();
        if (shape.length < 1 || shape.length > 2) {
            throw new FormatException(source, "expected a 1-D or 2-D array to map, got " + h);
        }
        for (long d : shape) {
            if (d > Integer.MAX_VALUE) {
                throw new FormatException(source, "dimension " + d + " of " + h + " exceeds the int range");
            }
        }
        long dataBytes = h.dataBytes();
        ByteBuffer[] segments = new ByteBuffer[(int) ((dataBytes + segmentBytes - 1) / segmentBytes)];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = 0; i < segments.length; i++) {
                long start = i * segmentBytes;
                segments[i] = ch.map(FileChannel.MapMode.READ_ONLY, h.dataOffset() + start,
                        Math.min(segmentBytes, dataBytes - start)).order(h.order());
            }
        } catch (IOException e) {
            throw StreamBytes.failure(source, e);
        }
        return new MappedNpy(file, h, segmentBytes, segments);
    }

    /** @return the file's header */
    public NpyHeader header() {
        return header;
    }

    /** @return number of rows (samples) */
    public int rows() {
        return rows;
    }

    /** @return number of columns (1 for a 1-D array) */
    public int cols() {
        return cols;
    }

    /**
     * Reads the rows {@code rowIndices[from .. from+count-1]}, in that order.
     *
     * @param rowIndices row numbers in [0, rows), any order, repeats allowed. Not modified.
     * @param from       first position in {@code rowIndices}
     * @param count      how many rows to read
     * @param out        reshaped to count×cols and overwritten
     * @throws GendictException INVALID_PARAMETER when the range or a row index is out of bounds
     */
    public void readRows(int[] rowIndices, int from, int count, DMatrixRMaj out) {
        Checks.parameter(from >= 0 && count >= 0 && from <= rowIndices.length - count,
                "row range: from " + from + ", count " + count + " outside 0.." + rowIndices.length);
        Checks.parameter((long) count * cols <= StreamBytes.MAX_ARRAY, "row count " + count + " × " + cols
                + " columns exceeds one matrix");
        for (int i = from; i < from + count; i++) {
            int r = rowIndices[i];
            Checks.parameter(r >= 0 && r < rows, "row index " + r + " at position " + i + " of " + file
                    + ": expected 0.." + (rows - 1));
        }
        out.reshape(count, cols);
        for (int i = 0; i < count; i++) {
            readRow(rowIndices[from + i], out.data, i * cols);
        }
    }

    /**
     * Reads the given rows, in the given order.
     *
     * @param rowIndices row numbers in [0, rows), any order. Not modified.
     * @param out        reshaped to rowIndices.length×cols and overwritten
     * @throws GendictException INVALID_PARAMETER when a row index is out of bounds
     */
    public void readRows(int[] rowIndices, DMatrixRMaj out) {
        readRows(rowIndices, 0, rowIndices.length, out);
    }

    /**
     * Reads consecutive rows.
     *
     * @param first first row
     * @param count number of rows
     * @param out   reshaped to count×cols and overwritten
     * @throws GendictException INVALID_PARAMETER when the rows are out of bounds
     */
    public void readRange(int first, int count, DMatrixRMaj out) {
        Checks.parameter(first >= 0 && count >= 0 && first <= rows - count,
                "rows " + first + " + " + count + " of " + file + ": expected within 0.." + rows);
        Checks.parameter((long) count * cols <= StreamBytes.MAX_ARRAY, "row count " + count + " × " + cols
                + " columns exceeds one matrix");
        out.reshape(count, cols);
        for (int i = 0; i < count; i++) {
            readRow(first + i, out.data, i * cols);
        }
    }

    private void readRow(int r, double[] dst, int offset) {
        int itemSize = type.size();
        if (header.fortranOrder()) {
            for (int c = 0; c < cols; c++) {
                long p = ((long) c * rows + r) * itemSize;
                dst[offset + c] = type.get(segments[(int) (p / segmentBytes)], (int) (p % segmentBytes));
            }
            return;
        }
        long start = (long) r * cols * itemSize;
        long end = start + (long) cols * itemSize - 1;
        int segment = (int) (start / segmentBytes);
        if (segment == (int) (end / segmentBytes)) {
            ByteBuffer b = segments[segment];
            int base = (int) (start % segmentBytes);
            if (doubles != null) {
                doubles[segment].get(base / 8, dst, offset, cols);
                return;
            }
            for (int c = 0; c < cols; c++) {
                dst[offset + c] = type.get(b, base + c * itemSize);
            }
            return;
        }
        for (int c = 0; c < cols; c++) {
            long p = start + (long) c * itemSize;
            dst[offset + c] = type.get(segments[(int) (p / segmentBytes)], (int) (p % segmentBytes));
        }
    }

    @Override
    public String toString() {
        return file + ": " + header;
    }
}
