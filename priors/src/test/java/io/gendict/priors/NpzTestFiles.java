package io.gendict.priors;

import org.ejml.data.DMatrixRMaj;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes {@code .npz} files as {@code numpy.savez} does, for tests of weight loading. */
public final class NpzTestFiles {
    private NpzTestFiles() {
    }

    /**
     * Writes float64 arrays in C order, deflated; a 1×N matrix whose key ends in {@code bias} is written as a 1-D array, as PyTorch saves a bias.
     *
     * @param file   the archive
     * @param arrays key (without {@code .npy}) to matrix, in file order. Not modified.
     * @throws IOException when writing fails
     */
    public static void write(Path file, Map<String, DMatrixRMaj> arrays) throws IOException {
        write(file, arrays, "<f8", false, true);
    }

    /**
     * @param file     the archive
     * @param arrays   key to matrix, in file order. Not modified.
     * @param descr    {@code "<f8"} or {@code "<f4"}
     * @param fortran  whether to write Fortran (column-major) order
     * @param deflated whether entries are deflated (else stored)
     * @throws IOException when writing fails
     */
    public static void write(Path file, Map<String, DMatrixRMaj> arrays, String descr, boolean fortran,
                             boolean deflated) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, DMatrixRMaj> e : arrays.entrySet()) {
                byte[] bytes = npy(e.getValue(), descr, fortran, e.getKey().endsWith("bias"));
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                if (!deflated) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    entry.setCompressedSize(bytes.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
    }

    private static byte[] npy(DMatrixRMaj m, String descr, boolean fortran, boolean vector) {
        String shape = vector && m.numRows == 1 ? "(" + m.numCols + ",)" : "(" + m.numRows + ", " + m.numCols + ")";
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': "
                + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        int width = descr.equals("<f8") ? 8 : 4;
        int size = m.getNumElements();
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + size * width).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buf.putShort((short) header.length()).put(header.toString().getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < size; i++) {
            int index = fortran ? (i % m.numRows) * m.numCols + i / m.numRows : i;
            if (width == 8) {
                buf.putDouble(m.data[index]);
            } else {
                buf.putFloat((float) m.data[index]);
            }
        }
        return buf.array();
    }
}
