package io.gendict.core.io;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads NumPy {@code .npz} archives (stored or deflated zip of {@code .npy} entries) of
 * little-endian float64 or float32 arrays with 0, 1 or 2 dimensions, C or Fortran order.
 * A 1-D array of length N is returned as 1×N.
 *
 * @since 0.1
 */
public final class Npz {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npz() {
    }

    /**
     * @param file the archive
     * @return entry name (without {@code .npy}) to matrix, in archive order
     * @throws GendictException IO when the file cannot be read, INVALID_INPUT when an entry is not
     *                          a supported {@code .npy} array
     */
    public static Map<String, DMatrixRMaj> read(Path file) {
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String key = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(key, npy(file + ":" + key, in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new GendictException(ErrorKind.IO, file + ": cannot read .npz (" + e.getMessage() + ")", e);
        }
        return Collections.unmodifiableMap(out);
    }

    private static DMatrixRMaj npy(String what, byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || (bytes[0] & 0xFF) != 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw bad(what, "no .npy magic");
        }
        int major = bytes[6];
        int headerLen = major == 1 ? buf.getShort(8) & 0xFFFF : buf.getInt(8);
        int start = major == 1 ? 10 : 12;
        if (start + headerLen > bytes.length) {
            throw bad(what, "truncated header");
        }
        String header = new String(bytes, start, headerLen, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, what);
        boolean fortran = group(FORTRAN, header, what).equals("True");
        String[] dims = group(SHAPE, header, what).replace(" ", "").split(",");
        int rows = 1;
        int cols = 1;
        int given = 0;
        for (String d : dims) {
            if (d.isEmpty()) {
                continue;
            }
            given++;
            if (given == 1) {
                cols = Integer.parseInt(d);
            } else if (given == 2) {
                rows = cols;
                cols = Integer.parseInt(d);
            } else {
                throw bad(what, "shape (" + String.join(",", dims) + ") has more than 2 dimensions, expected 1-D or 2-D");
            }
        }
        int size = Math.multiplyExact(rows, cols);
        int width = switch (descr) {
            case "<f8" -> 8;
            case "<f4" -> 4;
            default -> throw bad(what, "dtype '" + descr + "', expected little-endian float64 '<f8' or float32 '<f4'");
        };
        if (bytes.length - start - headerLen < (long) size * width) {
            throw bad(what, "truncated data: " + (bytes.length - start - headerLen) + " bytes for " + rows + "×" + cols);
        }
        buf.position(start + headerLen);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < size; i++) {
            double v = width == 8 ? buf.getDouble() : buf.getFloat();
            int index = fortran ? (i % rows) * cols + i / rows : i;
            m.data[index] = v;
        }
        return m;
    }

    private static String group(Pattern p, String header, String what) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw bad(what, "header '" + header.trim() + "' lacks " + p.pattern());
        }
        return m.group(1);
    }

    private static GendictException bad(String what, String why) {
        return new GendictException(ErrorKind.INVALID_INPUT, what + ": " + why);
    }
}
