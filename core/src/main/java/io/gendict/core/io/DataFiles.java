package io.gendict.core.io;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks every command applies to its files, each failure one line naming the option and the
 * file: inputs must exist and be readable 2-D float32/float64 .npy arrays with at least one row
 * and only finite values; outputs must go to an existing folder.
 *
 * @since 0.1
 */
public final class DataFiles {
    private DataFiles() {
    }

    /**
     * Memory-maps a data file and checks its header.
     *
     * @param file   the .npy file
     * @param option the option that named it, e.g. {@code --data}
     * @return the mapped array (values are checked as they are read, see {@link #requireFinite})
     */
    public static MappedNpy open(Path file, String option) {
        requireReadable(file, option);
        MappedNpy npy = MappedNpy.open(file);
        ElementType type = npy.header().type();
        if (type != ElementType.FLOAT32 && type != ElementType.FLOAT64) {
            throw new GendictException(ErrorKind.INVALID_INPUT, option + " " + file + ": dtype "
                    + npy.header().descr() + ", expected float32 or float64");
        }
        if (npy.header().shape().length != 2) {
            throw new GendictException(ErrorKind.INVALID_INPUT, option + " " + file + ": " + npy.header()
                    + ", expected a 2-D array with one sample per row");
        }
        if (npy.rows() == 0 || npy.cols() == 0) {
            throw new GendictException(ErrorKind.INVALID_INPUT, option + " " + file + ": empty data (" + npy.rows()
                    + "×" + npy.cols() + "), expected at least one sample");
        }
        return npy;
    }

    /**
     * @param y       rows read from the file. Not modified.
     * @param file    the file
     * @param option  the option that named it
     * @param rows    the file row of each row of {@code y} from position {@code from}, or {@code null}
     *                when {@code y} holds the file's rows from row {@code from}
     * @param from    see {@code rows}
     */
    public static void requireFinite(DMatrixRMaj y, Path file, String option, int[] rows, int from) {
        int m = y.numCols;
        for (int i = 0; i < y.numRows * m; i++) {
            if (!Double.isFinite(y.data[i])) {
                int row = rows == null ? from + i / m : rows[from + i / m];
                throw new GendictException(ErrorKind.INVALID_INPUT, option + " " + file + ": " + y.data[i] + " at row "
                        + row + ", column " + (i % m) + "; expected finite values");
            }
        }
    }

    /**
     * @param file   an input file
     * @param option the option that named it
     */
    public static void requireReadable(Path file, String option) {
        if (!Files.exists(file)) {
            throw new GendictException(ErrorKind.IO, option + " " + file + ": file does not exist");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new GendictException(ErrorKind.IO, option + " " + file + ": cannot read the file");
        }
    }

    /**
     * @param file   an output file or folder
     * @param option the option that named it
     */
    public static void requireOutputFolder(Path file, String option) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new GendictException(ErrorKind.IO, option + " " + file + ": folder " + parent + " does not exist");
        }
    }
}
