package io.gendict.cli.command;

import io.gendict.core.io.DataFiles;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.io.MappedNpy;
import io.gendict.core.spi.BlockEncoder;
import org.ejml.data.DMatrixRMaj;

import java.nio.file.Path;

/**
 * The samples of an {@code --in} .npy file (N×m, float32 or float64), memory-mapped and handed out
 * in consecutive blocks of rows, each checked for finite values, so that a command's memory does not
 * grow with N. A block holds about {@value #BLOCK_BYTES} bytes as float64, a multiple of
 * {@link BlockEncoder#ROW_MULTIPLE} rows.
 *
 * @since 0.1
 */
final class SampleBlocks {
    /** Target size of one block of float64 rows. */
    static final long BLOCK_BYTES = 16L << 20;

    private final MappedNpy npy;
    private final Path file;
    private final String option;
    private final int blockRows;

    /**
     * Receives one block.
     *
     * @param <E> what it may throw, e.g. {@link java.io.IOException} when it writes a result
     */
    @FunctionalInterface
    interface Consumer<E extends Exception> {
        /**
         * @param first the file row of the block's first row
         * @param block the rows; reused for the next block, so do not keep it
         * @throws E as the consumer throws
         */
        void accept(int first, DMatrixRMaj block) throws E;
    }

    SampleBlocks(MappedNpy npy, Path file, String option, int blockRows) {
        this.npy = npy;
        this.file = file;
        this.option = option;
        this.blockRows = blockRows;
    }

    /**
     * Opens an input file, checking its header.
     *
     * @param file   the .npy file
     * @param option the option that named it
     * @param m      the number of columns the model expects
     * @return its samples
     * @throws GendictException IO or INVALID_INPUT naming the option and the file
     */
    static SampleBlocks open(Path file, String option, int m) {
        MappedNpy npy = DataFiles.open(file, option);
        if (npy.cols() != m) {
            throw new GendictException(ErrorKind.INVALID_INPUT, option + " " + file + ": " + npy.cols()
                    + " columns, the model expects m = " + m);
        }
        return new SampleBlocks(npy, file, option, rowsPerBlock(m));
    }

    /**
     * @param width float64 values per row
     * @return rows of about {@value #BLOCK_BYTES} bytes, a positive multiple of {@link BlockEncoder#ROW_MULTIPLE}
     */
    static int rowsPerBlock(int width) {
        long rows = BLOCK_BYTES / ((long) width * Double.BYTES) / BlockEncoder.ROW_MULTIPLE * BlockEncoder.ROW_MULTIPLE;
        return (int) Math.max(BlockEncoder.ROW_MULTIPLE, rows);
    }

    /** @return N, the number of samples */
    int rows() {
        return npy.rows();
    }

    /** @return m, the sample dimension */
    int cols() {
        return npy.cols();
    }

    /**
     * Reads the samples block by block, in order.
     *
     * @param consumer receives each block
     * @param <E>      what the consumer may throw
     * @throws GendictException INVALID_INPUT naming the file, row and column of a non-finite value
     * @throws E               as thrown by {@code consumer}
     */
    <E extends Exception> void forEach(Consumer<E> consumer) throws E {
        DMatrixRMaj block = new DMatrixRMaj(1, 1);
        for (int first = 0; first < npy.rows(); first += blockRows) {
            npy.readRange(first, Math.min(blockRows, npy.rows() - first), block);
            DataFiles.requireFinite(block, file, option, null, first);
            consumer.accept(first, block);
        }
    }
}
