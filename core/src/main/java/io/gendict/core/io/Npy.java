package io.gendict.core.io;

import io.gendict.core.error.Checks;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0, 3.0; element types in
 * {@link ElementType}; little- or big-endian; C or Fortran order). Reading checks the size the
 * header claims against the file, and with its float64 copy against the
 * {@link io.gendict.core.error.MemoryBudget}, before allocating anything. Writing is atomic
 * ({@link AtomicFiles}). For files too large for the heap see {@link MappedNpy}.
 *
 * @since 0.1
 */
public final class Npy {
    private Npy() {
    }

    /**
     * @param file the .npy file
     * @return its header
     * @throws FormatException  when the header is malformed or the file size does not match it
     * @throws GendictException IO when the file cannot be read
     */
    public static NpyHeader readHeader(Path file) {
        String source = file.toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            NpyHeader h = NpyHeader.read(in, source);
            requireSize(h, Files.size(file), source);
            return h;
        } catch (IOException e) {
            throw StreamBytes.failure(source, e);
        }
    }

    /**
     * @param file the .npy file
     * @return its array
     * @throws FormatException  when the file is malformed, its size does not match its header, or the
     *                          data exceeds what one Java array holds
     * @throws GendictException IO when the file cannot be read
     */
    public static NdArray read(Path file) {
        String source = file.toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            NpyHeader h = NpyHeader.read(in, source);
            requireSize(h, Files.size(file), source);
            return readData(in, h, source, true);
        } catch (IOException e) {
            throw StreamBytes.failure(source, e);
        }
    }

    /**
     * Reads one array from a stream (e.g. an archive entry), trusting no claimed size: the buffer
     * grows only as data arrives, and the stream must end right after the data.
     *
     * @param in     the stream, positioned at the magic. Read to its end; not closed.
     * @param source the file or entry, for messages
     * @return the array
     * @throws FormatException  when the content is malformed, truncated (also inside a compressed
     *                          stream) or followed by extra bytes
     * @throws GendictException IO when reading fails otherwise
     */
    public static NdArray read(InputStream in, String source) {
        try {
            NpyHeader h = NpyHeader.read(in, source);
            NdArray a = readData(in, h, source, false);
            StreamBytes.requireEnd(in, source, "the data of " + h);
            return a;
        } catch (IOException e) {
            throw StreamBytes.failure(source, e);
        }
    }

    /**
     * Reads a 1-D or 2-D array as a matrix (see {@link NdArray#toMatrix}: 1-D gives N×1).
     *
     * @param file the .npy file
     * @return a new matrix
     * @throws FormatException  as {@link #read(Path)}, or when the array has more than two dimensions
     * @throws GendictException IO when the file cannot be read
     */
    public static DMatrixRMaj readMatrix(Path file) {
        return read(file).toMatrix(file.toString());
    }

    /**
     * Writes a matrix as float64, C order, format 1.0.
     *
     * @param file the target, replaced atomically
     * @param m    the matrix, at least 1×1. Not modified.
     * @throws GendictException INVALID_INPUT when the matrix is empty; IO when writing fails
     */
    public static void write(Path file, DMatrixRMaj m) {
        write(file, m, ElementType.FLOAT64);
    }

    /**
     * Writes a matrix as a 2-D C-order little-endian array, format 1.0 (2.0 if the header does not fit).
     *
     * @param file the target, replaced atomically
     * @param m    the matrix, at least 1×1. Not modified.
     * @param type FLOAT64 or FLOAT32 (values are rounded to float)
     * @throws GendictException INVALID_PARAMETER for another type; INVALID_INPUT when the matrix is
     *                          empty; IO when writing fails
     */
    public static void write(Path file, DMatrixRMaj m, ElementType type) {
        Checks.parameter(type == ElementType.FLOAT64 || type == ElementType.FLOAT32,
                "npy matrix type: expected FLOAT64 or FLOAT32, got " + type);
        write(file, NdArray.ofMatrix(m, type));
    }

    /**
     * Writes an array in its own layout, format 1.0 (2.0 if the header does not fit).
     *
     * @param file the target, replaced atomically
     * @param a    the array
     * @throws GendictException IO when writing fails
     */
    public static void write(Path file, NdArray a) {
        AtomicFiles.write(file, out -> write(out, a, 0));
    }

    /**
     * Writes an array to a stream.
     *
     * @param out     the stream; not closed
     * @param a       the array
     * @param version format version 1, 2 or 3, or 0 for the lowest that fits
     * @throws GendictException INVALID_PARAMETER when the version is not 0–3 or the header does not
     *                          fit version 1
     * @throws IOException      when writing fails
     */
    public static void write(OutputStream out, NdArray a, int version) throws IOException {
        Checks.parameter(version >= 0 && version <= 3, "npy version: expected 1, 2 or 3 (0 = automatic), got "
                + version);
        NpyHeader h = NpyHeader.of(version, a.type(), a.order(), a.fortranOrder(), NdArray.toLong(a.shape()));
        out.write(h.encode());
        ByteBuffer data = a.data();
        byte[] chunk = new byte[Math.min(data.remaining(), 1 << 16)];
        while (data.hasRemaining()) {
            int n = Math.min(chunk.length, data.remaining());
            data.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }

    private static void requireSize(NpyHeader h, long fileSize, String source) {
        long present = fileSize - h.dataOffset();
        if (present != h.dataBytes()) {
            throw new FormatException(source, (present < h.dataBytes() ? "truncated: " : "size mismatch: ")
                    + h + " needs " + h.dataBytes() + " data bytes, the file holds " + present);
        }
    }

    private static NdArray readData(InputStream in, NpyHeader h, String source, boolean lengthChecked)
            throws IOException {
        byte[] data = StreamBytes.readData(in, h.dataBytes(), h.type().size(), source, "the data of " + h,
                lengthChecked);
        long[] shape = h.shape();
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = (int) shape[i];
        }
        return new NdArray(h.type(), h.order(), dims, h.fortranOrder(), data);
    }
}
