package io.gendict.core.codec;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.error.MemoryBudget;
import io.gendict.core.eval.DecimalQuantizer;
import io.gendict.core.eval.Quantizer;
import io.gendict.core.eval.UniformQuantizer;
import io.gendict.core.spi.Codes;
import org.ejml.data.DMatrixRMaj;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The binary file of {@code gendict compress}: the quantized codes of B samples, so that the file
 * size is the true storage cost. Layout (big-endian):
 * <pre>
 *  magic "GDCZ" · version u16 (1 = packed payload, 2 = arithmetic-coded payload) · flags u16 (bit 0: sparse codes)
 *  rows i32 (B) · cols i32 (k latents, or K slots per sparse code) · atoms i32 (n, sparse only)
 *  quantizer kind u8 (1 = decimal digits, 2 = uniform bits) · quantizer parameter u8 (D or b)
 *  model checksum: 32 bytes (SHA-256 of the model the codes need)
 *  bits mode only: per column min, max as float64
 *  payload length i64 · payload
 *  CRC-32C of everything above, i32
 * </pre>
 * The payload holds, row by row: for sparse codes first each slot's atom index + 1 (0 = unused
 * slot); then the values of the used slots — digits mode: round(v·10^D); bits mode: the b-bit level
 * index. Version 1 ({@link PayloadFormat#PACKED}) packs indices in ⌈log2(n + 1)⌉ bits, integers as
 * zig-zag varints and levels in b bits; version 2 ({@link PayloadFormat#ARITHMETIC}, written by
 * default) codes the same symbols with an adaptive binary range coder, one model per column and one
 * for the indices. Both versions are read.
 *
 * @since 0.1
 */
public final class CodeContainer {
    private static final byte[] MAGIC = {'G', 'D', 'C', 'Z'};
    private static final int CHECKSUM_BYTES = 32;
    private static final int KIND_DIGITS = 1;
    private static final int KIND_BITS = 2;

    private CodeContainer() {
    }

    /**
     * What a container holds.
     *
     * @param codes         the quantized codes
     * @param atoms         n for sparse codes, 0 for dense
     * @param quantizer     the quantizer the values were stored with
     * @param modelChecksum the 32-byte checksum of the model they need
     * @param format        how the payload was stored
     * @param payloadBytes  the payload's length; the rest of the file is header and checksum
     */
    public record Contents(Codes codes, int atoms, Quantizer quantizer, byte[] modelChecksum, PayloadFormat format,
                           long payloadBytes) {
    }

    /**
     * Quantizes and packs codes with an arithmetic-coded payload (version 2).
     *
     * @param codes         codes to store. Not modified.
     * @param atoms         n (number of atoms) for sparse codes, ignored for dense
     * @param quantizer     a {@link DecimalQuantizer} or a {@link UniformQuantizer}
     * @param modelChecksum 32 bytes identifying the model
     * @return the file's bytes
     * @throws GendictException INVALID_PARAMETER for another quantizer, INVALID_INPUT for non-finite codes
     */
    public static byte[] encode(Codes codes, int atoms, Quantizer quantizer, byte[] modelChecksum) {
        return encode(codes, atoms, quantizer, modelChecksum, PayloadFormat.ARITHMETIC);
    }

    /**
     * Quantizes and packs codes.
     *
     * @param codes         codes to store. Not modified.
     * @param atoms         n (number of atoms) for sparse codes, ignored for dense
     * @param quantizer     a {@link DecimalQuantizer} or a {@link UniformQuantizer}
     * @param modelChecksum 32 bytes identifying the model
     * @param format        how to store the payload
     * @return the file's bytes
     * @throws GendictException INVALID_PARAMETER for another quantizer, INVALID_INPUT for non-finite codes
     */
    public static byte[] encode(Codes codes, int atoms, Quantizer quantizer, byte[] modelChecksum,
                                PayloadFormat format) {
        Checks.parameter(modelChecksum.length == CHECKSUM_BYTES, "model checksum: expected 32 bytes");
        Checks.finite("codes", codes.values());
        DMatrixRMaj v = codes.values();
        int rows = v.numRows;
        int cols = v.numCols;
        int kind;
        int parameter;
        double[] min = new double[cols];
        double[] max = new double[cols];
        if (quantizer instanceof DecimalQuantizer d) {
            kind = KIND_DIGITS;
            parameter = d.digits();
        } else if (quantizer instanceof UniformQuantizer u) {
            kind = KIND_BITS;
            parameter = u.bits();
            CodePayload.ranges(codes, min, max);
        } else {
            throw new GendictException(ErrorKind.INVALID_PARAMETER,
                    "compress: quantizer " + quantizer.describe() + " cannot be stored; use --digits or --bits");
        }
        SymbolLayout layout = layout(cols, codes.sparse(), atoms, kind, parameter);
        byte[] body = CodePayload.pack(codes, quantizer, min, max, SymbolSink.of(format, layout));
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 64 + 16 * cols);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeShort(format.version());
            out.writeShort(codes.sparse() ? 1 : 0);
            out.writeInt(rows);
            out.writeInt(cols);
            out.writeInt(codes.sparse() ? atoms : 0);
            out.writeByte(kind);
            out.writeByte(parameter);
            out.write(modelChecksum);
            if (kind == KIND_BITS) {
                for (int c = 0; c < cols; c++) {
                    out.writeDouble(min[c]);
                    out.writeDouble(max[c]);
                }
            }
            out.writeLong(body.length);
            out.write(body);
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
    }

    /**
     * Checks and unpacks a container.
     *
     * @param bytes         the file's bytes. Not modified.
     * @param file          file name for messages
     * @param modelChecksum the checksum of the model at hand; must equal the stored one
     * @return the contents
     * @throws GendictException INVALID_INPUT naming the file when it is truncated, corrupted, of
     *                          another format, made for another model, has a non-finite or inverted
     *                          column range, or holds more codes than the
     *                          {@link MemoryBudget}; checked before allocating
     */
    public static Contents decode(byte[] bytes, String file, byte[] modelChecksum) {
        if (bytes.length < 4 + 4) {
            throw bad(file, "too short to be a gendict compressed file (" + bytes.length + " bytes)");
        }
        if (!Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
            throw bad(file, "not a gendict compressed file (bad magic)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ((bytes[bytes.length - 4] & 0xFF) << 24) | ((bytes[bytes.length - 3] & 0xFF) << 16)
                | ((bytes[bytes.length - 2] & 0xFF) << 8) | (bytes[bytes.length - 1] & 0xFF);
        if ((int) crc.getValue() != stored) {
            throw bad(file, "checksum mismatch: the file is corrupted or truncated");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 4, bytes.length - 8));
            int version = in.readUnsignedShort();
            PayloadFormat format = PayloadFormat.ofVersion(version);
            if (format == null) {
                throw bad(file, "unsupported container version " + version + "; this gendict reads versions 1 and 2");
            }
            boolean sparse = (in.readUnsignedShort() & 1) != 0;
            int rows = in.readInt();
            int cols = in.readInt();
            int atoms = in.readInt();
            int kind = in.readUnsignedByte();
            int parameter = in.readUnsignedByte();
            long symbols = format == PayloadFormat.PACKED ? bytes.length * 8L : RangeEncoder.maxDecisions(bytes.length);
            if (rows < 0 || cols < 0 || (sparse && atoms <= 0) || (long) rows * cols > symbols) {
                throw bad(file, "implausible shape " + rows + "×" + cols + " (atoms " + atoms + ")");
            }
            Quantizer quantizer = quantizer(kind, parameter, file);
            byte[] model = new byte[CHECKSUM_BYTES];
            in.readFully(model);
            if (!Arrays.equals(model, modelChecksum)) {
                throw bad(file, "made with another model (model checksum differs)");
            }
            if (kind == KIND_BITS && 16L * cols > in.available()) {
                throw bad(file, "truncated: " + cols + " column ranges need " + 16L * cols + " bytes, only "
                        + in.available() + " present");
            }
            MemoryBudget.require(ErrorKind.INVALID_INPUT, file + ": codes of shape " + rows + "×" + cols,
                    MemoryBudget.product(rows, cols, Double.BYTES + (sparse ? Integer.BYTES : 0)));
            SymbolLayout layout = layout(cols, sparse, atoms, kind, parameter);
            if (format == PayloadFormat.ARITHMETIC) {
                MemoryBudget.require(ErrorKind.INVALID_INPUT, file + ": the coding models of " + cols + " columns",
                        layout.modelBytes(rows));
            }
            double[] min = new double[kind == KIND_BITS ? cols : 0];
            double[] max = new double[min.length];
            for (int c = 0; c < min.length; c++) {
                min[c] = in.readDouble();
                max[c] = in.readDouble();
                if (!(Double.isFinite(min[c]) && Double.isFinite(max[c]) && min[c] <= max[c])) {
                    throw bad(file, "column " + c + " has range [" + min[c] + ", " + max[c] + "], expected finite"
                            + " min ≤ max");
                }
            }
            long length = in.readLong();
            if (length != in.available()) {
                throw bad(file, "payload length " + length + " does not match the file (" + in.available() + " bytes)");
            }
            byte[] body = new byte[(int) length];
            in.readFully(body);
            return new Contents(CodePayload.unpack(SymbolSource.of(format, layout, body), rows, cols, atoms, sparse, quantizer, min, max),
                    sparse ? atoms : 0, quantizer, model, format, length);
        } catch (EOFException e) {
            throw bad(file, "truncated (" + e.getMessage() + ")");
        } catch (IllegalStateException e) {
            throw bad(file, "corrupt or truncated payload (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
    }

    private static SymbolLayout layout(int cols, boolean sparse, int atoms, int kind, int parameter) {
        return new SymbolLayout(cols, sparse ? 64 - Long.numberOfLeadingZeros(atoms) : 0, kind == KIND_DIGITS,
                kind == KIND_DIGITS ? Long.SIZE : parameter);
    }

    private static Quantizer quantizer(int kind, int parameter, String file) {
        try {
            return switch (kind) {
                case KIND_DIGITS -> new DecimalQuantizer(parameter);
                case KIND_BITS -> new UniformQuantizer(parameter);
                default -> throw bad(file, "unknown quantizer kind " + kind);
            };
        } catch (GendictException e) {
            throw e.kind() == ErrorKind.INVALID_PARAMETER ? bad(file, "bad quantizer: " + e.getMessage()) : e;
        }
    }

    private static GendictException bad(String file, String why) {
        return new GendictException(ErrorKind.INVALID_INPUT, file + ": " + why);
    }
}
