package io.gendict.core.io;

import io.gendict.core.error.Checks;
import org.ejml.data.DMatrixRMaj;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a rows×cols float64 C-order little-endian .npy to a stream block of rows by block of rows,
 * so that an array larger than the heap can be written: the header first (format 1.0, 2.0 if it does
 * not fit), then each block as it comes. The bytes equal those {@link Npy#write(java.nio.file.Path,
 * DMatrixRMaj)} writes for the whole matrix. Pair it with {@link AtomicFiles#write} for atomicity.
 *
 * @since 0.1
 */
public final class NpyRowWriter {
    private static final int BUFFER_BYTES = 1 << 16;
    private final OutputStream out;
    private final int rows;
    private final int cols;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long written;

    /**
     * Writes the header.
     *
     * @param out  the stream; not closed
     * @param rows total rows, ≥ 1
     * @param cols columns, ≥ 1
     * @throws IOException when writing fails
     */
    public NpyRowWriter(OutputStream out, int rows, int cols) throws IOException {
        Checks.parameter(rows >= 1 && cols >= 1, "npy rows: expected a shape of at least 1×1, got " + rows + "×" + cols);
        this.out = out;
        this.rows = rows;
        this.cols = cols;
        out.write(NpyHeader.of(0, ElementType.FLOAT64, ByteOrder.LITTLE_ENDIAN, false, new long[]{rows, cols}).encode());
    }

    /**
     * Appends the next rows.
     *
     * @param block B×cols rows. Not modified.
     * @throws IOException when writing fails
     * @throws io.gendict.core.error.GendictException INVALID_PARAMETER when the block has another
     *                                                width or would exceed the rows announced
     */
    public void write(DMatrixRMaj block) throws IOException {
        Checks.parameter(block.numCols == cols && written + block.numRows <= rows, "npy rows: a block of "
                + block.numRows + "×" + block.numCols + " after " + written + " rows of " + rows + "×" + cols);
        int count = block.numRows * cols;
        for (int i = 0; i < count; i++) {
            if (!buffer.hasRemaining()) {
                flushBuffer();
            }
            buffer.putDouble(block.data[i]);
        }
        flushBuffer();
        written += block.numRows;
    }

    /**
     * Checks that every announced row was written.
     *
     * @throws IllegalStateException when rows are missing
     */
    public void finish() {
        if (written != rows) {
            throw new IllegalStateException("npy rows: " + written + " of " + rows + " rows written");
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
