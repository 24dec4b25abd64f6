package io.gendict.core.io;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.error.MemoryBudget;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Reads a claimed number of bytes from a stream without trusting the claim: the buffer starts at
 * most {@link #CHUNK} bytes and doubles only as data arrives, so a lying header costs at most twice
 * what the stream really holds. Also maps I/O failures to gendict's exceptions.
 */
final class StreamBytes {
    /** The largest byte array the JVM reliably allocates. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int CHUNK = 1 << 20;

    private StreamBytes() {
    }

    /**
     * @param in     the stream. Advanced by {@code n} bytes.
     * @param n      bytes to read
     * @param source the file, for messages
     * @param what   what the bytes are, for messages (e.g. {@code "data of shape (2, 3)"})
     * @return exactly {@code n} bytes
     * @throws FormatException when the stream ends early or {@code n} exceeds {@link #MAX_ARRAY}
     * @throws IOException     when reading fails
     */
    static byte[] readExactly(InputStream in, long n, String source, String what) throws IOException {
        return readExactly(in, n, source, what, false);
    }

    /**
     * As {@link #readExactly(InputStream, long, String, String)}, allocating all {@code n} bytes at once
     * when the caller has already checked them against the file's length.
     *
     * @param lengthChecked whether {@code n} is known to be present
     */
    static byte[] readExactly(InputStream in, long n, String source, String what, boolean lengthChecked)
            throws IOException {
        return read(in, n, source, what, lengthChecked, 0);
    }

    /**
     * As {@link #readExactly(InputStream, long, String, String, boolean)} for the data of an array:
     * before allocating more than {@link #CHUNK} bytes (at once when the length is checked, else only
     * once a first chunk has arrived, so that a lying header is reported as truncated), checks that
     * the bytes and their float64 copy, which every reader makes, fit the {@link MemoryBudget}.
     *
     * @param itemSize bytes per element
     * @throws GendictException INVALID_INPUT naming the file when they do not fit
     */
    static byte[] readData(InputStream in, long n, int itemSize, String source, String what, boolean lengthChecked)
            throws IOException {
        return read(in, n, source, what, lengthChecked, MemoryBudget.product(n / itemSize, itemSize + Double.BYTES));
    }

    private static byte[] read(InputStream in, long n, String source, String what, boolean lengthChecked, long needs)
            throws IOException {
        requireLoadable(n, source, what);
        if (lengthChecked) {
            requireBudget(needs, source, what);
        }
        byte[] buf = new byte[(int) (lengthChecked ? n : Math.min(n, CHUNK))];
        int filled = 0;
        while (filled < n) {
            if (filled == buf.length) {
                requireBudget(needs, source, what);
                buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
            }
            int r = in.read(buf, filled, buf.length - filled);
            if (r < 0) {
                throw new FormatException(source, "truncated: " + what + " needs " + n + " bytes, only "
                        + filled + " present");
            }
            filled += r;
        }
        return buf;
    }

    private static void requireBudget(long needs, String source, String what) {
        MemoryBudget.require(ErrorKind.INVALID_INPUT, source + ": " + what + " (with its float64 copy)", needs);
    }

    /**
     * @throws FormatException when {@code n} bytes cannot be held in one array
     */
    static void requireLoadable(long n, String source, String what) {
        if (n > MAX_ARRAY) {
            throw new FormatException(source, what + " needs " + n + " bytes, more than one Java array holds"
                    + " (memory-map large .npy files with MappedNpy)");
        }
    }

    /**
     * @param in the stream. Advanced by at most one byte.
     * @throws FormatException when the stream holds more bytes
     * @throws IOException     when reading fails
     */
    static void requireEnd(InputStream in, String source, String what) throws IOException {
        if (in.read() >= 0) {
            throw new FormatException(source, "unexpected bytes after " + what);
        }
    }

    /**
     * Maps an I/O failure while reading {@code source}: a corrupt or truncated compressed stream
     * becomes a {@link FormatException}, a missing or unreadable file a GendictException IO.
     */
    static GendictException failure(String source, IOException e) {
        if (e instanceof ZipException || e instanceof EOFException) {
            return new FormatException(source, "corrupt or truncated data: " + e.getMessage(), e);
        }
        if (e instanceof NoSuchFileException) {
            return new GendictException(ErrorKind.IO, source + ": cannot read: no such file", e);
        }
        if (e instanceof AccessDeniedException) {
            return new GendictException(ErrorKind.IO, source + ": cannot read: permission denied", e);
        }
        return new GendictException(ErrorKind.IO, source + ": cannot read: "
                + (e.getMessage() != null ? e.getMessage() : e.toString()), e);
    }
}
