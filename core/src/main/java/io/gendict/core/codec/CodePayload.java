package io.gendict.core.codec;

import io.gendict.core.eval.DecimalQuantizer;
import io.gendict.core.eval.Quantizer;
import io.gendict.core.eval.UniformQuantizer;
import io.gendict.core.spi.Codes;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * The payload of a {@link CodeContainer}: row by row, for sparse codes first each slot's atom index + 1
 * (0 = unused slot), then the values of the used slots — digits mode: round(v·10^D); bits mode: the
 * b-bit level index between its column's minimum and maximum — as symbols of a {@link SymbolSink}.
 */
final class CodePayload {
    private CodePayload() {
    }

    /**
     * The column ranges of bits mode: each column's minimum and maximum over the used slots, [0, 0] for
     * a column without any.
     *
     * @param codes the codes. Not modified.
     * @param min   filled with each column's minimum
     * @param max   filled with each column's maximum
     */
    static void ranges(Codes codes, double[] min, double[] max) {
        DMatrixRMaj v = codes.values();
        int rows = v.numRows;
        int cols = v.numCols;
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!codes.sparse() || codes.indices()[r * cols + c] >= 0) {
                    min[c] = Math.min(min[c], v.data[r * cols + c]);
                    max[c] = Math.max(max[c], v.data[r * cols + c]);
                }
            }
        }
        for (int c = 0; c < cols; c++) {
            if (min[c] > max[c]) {
                min[c] = 0;
                max[c] = 0;
            }
        }
    }

    /**
     * @param codes     the codes. Not modified.
     * @param quantizer a {@link DecimalQuantizer} or a {@link UniformQuantizer}
     * @param min       bits mode: each column's minimum
     * @param max       bits mode: each column's maximum
     * @param payload   where the symbols go
     * @return the payload's bytes
     */
    static byte[] pack(Codes codes, Quantizer quantizer, double[] min, double[] max, SymbolSink payload) {
        DMatrixRMaj v = codes.values();
        int rows = v.numRows;
        int cols = v.numCols;
        for (int r = 0; r < rows; r++) {
            if (codes.sparse()) {
                for (int c = 0; c < cols; c++) {
                    payload.index(codes.indices()[r * cols + c] + 1L);
                }
            }
            for (int c = 0; c < cols; c++) {
                if (codes.sparse() && codes.indices()[r * cols + c] < 0) {
                    continue;
                }
                double x = v.data[r * cols + c];
                payload.value(c, quantizer instanceof DecimalQuantizer d ? d.integer(x)
                        : ((UniformQuantizer) quantizer).level(x, min[c], max[c]));
            }
        }
        return payload.finish();
    }

    /**
     * Reads B codes back from the payload's symbols.
     *
     * @param reader    the payload
     * @param rows      B
     * @param cols      k latents, or K slots per sparse code
     * @param atoms     n, for sparse codes
     * @param sparse    whether the codes are sparse
     * @param quantizer the quantizer the values were stored with
     * @param min       bits mode: each column's minimum
     * @param max       bits mode: each column's maximum
     * @return the codes
     * @throws IllegalStateException when the payload is corrupt or truncated
     */
    static Codes unpack(SymbolSource reader, int rows, int cols, int atoms, boolean sparse, Quantizer quantizer,
                                double[] min, double[] max) {
        DMatrixRMaj values = new DMatrixRMaj(rows, cols);
        int[] indices = sparse ? new int[rows * cols] : null;
        for (int r = 0; r < rows; r++) {
            if (sparse) {
                for (int c = 0; c < cols; c++) {
                    long index = reader.index() - 1;
                    if (index >= atoms) {
                        throw new IllegalStateException("atom index " + index + " out of range");
                    }
                    indices[r * cols + c] = (int) index;
                }
            }
            for (int c = 0; c < cols; c++) {
                if (sparse && indices[r * cols + c] < 0) {
                    continue;
                }
                values.data[r * cols + c] = quantizer instanceof DecimalQuantizer d
                        ? d.value(reader.value(c))
                        : ((UniformQuantizer) quantizer).value(reader.value(c), min[c], max[c]);
            }
        }
        reader.finish();
        return new Codes(values, indices);
    }
}
