package io.gendict.core.io;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy {@code .npz} archives: a zip file whose entries {@code key.npy} are .npy
 * arrays, stored or deflated (as {@code numpy.savez} and {@code numpy.savez_compressed} write them).
 * Keys keep the archive's order. Each entry is read without trusting the sizes it claims and its
 * CRC-32 is verified; writing is atomic ({@link AtomicFiles}).
 *
 * @since 0.1
 */
public final class Npz {
    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /**
     * @param file the .npz file
     * @return key (entry name without {@code .npy}) to array, in archive order; unmodifiable
     * @throws FormatException  when the file is not a zip archive, an entry is not a {@code .npy}
     *                          file or fails its CRC-32, a key repeats, or an array is malformed
     * @throws GendictException IO when the file cannot be read
     */
    public static Map<String, NdArray> readArrays(Path file) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new GendictException(ErrorKind.IO, source + ": cannot read: "
                    + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                String entrySource = source + "[" + name + "]";
                if (e.isDirectory() || !name.endsWith(SUFFIX)) {
                    throw new FormatException(entrySource, "not a .npy entry (expected names key.npy)");
                }
                String key = name.substring(0, name.length() - SUFFIX.length());
                CRC32 crc = new CRC32();
                try (InputStream in = new CheckedInputStream(zip.getInputStream(e), crc)) {
                    if (arrays.put(key, Npy.read(in, entrySource)) != null) {
                        throw new FormatException(entrySource, "key '" + key + "' appears twice");
                    }
                }
                if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
                    throw new FormatException(entrySource, String.format("CRC-32 mismatch (stored %08x, content"
                            + " %08x): the entry is corrupted", e.getCrc(), crc.getValue()));
                }
            }
        } catch (ZipException e) {
            throw new FormatException(source, "not a valid .npz (zip) archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw StreamBytes.failure(source, e);
        }
        return Collections.unmodifiableMap(arrays);
    }

    /**
     * Reads every array as a matrix ({@link NdArray#toMatrix}: 1-D arrays give N×1).
     *
     * @param file the .npz file
     * @return key to new matrix, in archive order; unmodifiable
     * @throws FormatException  as {@link #readArrays}, or when an array has more than two dimensions
     * @throws GendictException IO when the file cannot be read
     */
    public static Map<String, DMatrixRMaj> read(Path file) {
        Map<String, DMatrixRMaj> matrices = new LinkedHashMap<>();
        readArrays(file).forEach((key, a) -> matrices.put(key, a.toMatrix(file + "[" + key + SUFFIX + "]")));
        return Collections.unmodifiableMap(matrices);
    }

    /**
     * Writes matrices as float64 C-order arrays.
     *
     * @param file     the target, replaced atomically
     * @param matrices key to matrix, written in iteration order. Not modified.
     * @param compress deflate the entries ({@code savez_compressed}) rather than store them
     * @throws GendictException INVALID_INPUT for an empty key or empty matrix; IO when writing fails
     */
    public static void write(Path file, Map<String, DMatrixRMaj> matrices, boolean compress) {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        matrices.forEach((key, m) -> arrays.put(key, NdArray.ofMatrix(m, ElementType.FLOAT64)));
        writeArrays(file, arrays, compress);
    }

    /**
     * Writes arrays in their own layouts.
     *
     * @param file     the target, replaced atomically
     * @param arrays   key to array, written in iteration order. Not modified.
     * @param compress deflate the entries rather than store them
     * @throws GendictException INVALID_INPUT for an empty key; IO when writing fails
     */
    public static void writeArrays(Path file, Map<String, NdArray> arrays, boolean compress) {
        for (String key : arrays.keySet()) {
            if (key.isEmpty()) {
                throw new GendictException(ErrorKind.INVALID_INPUT, file + ": array keys must not be empty");
            }
        }
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                Npy.write(buffer, e.getValue(), 0);
                byte[] bytes = buffer.toByteArray();
                ZipEntry entry = new ZipEntry(e.getKey() + SUFFIX);
                if (compress) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
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
            zip.finish();
        });
    }
}
