package io.gendict.baselines.omp;

import io.gendict.core.error.Checks;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.spi.Codes;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * Operations on sparse {@link Codes} (values B×K, indices B×K with -1 for an unused slot).
 *
 * @since 0.1
 */
public final class SparseCodes {
    private SparseCodes() {
    }

    /**
     * Scatters sparse codes into dense coefficient rows: out[b, indices[b, s]] = values[b, s].
     *
     * @param codes sparse codes. Not modified.
     * @param n     number of atoms
     * @param out   reshaped to B×n and overwritten
     * @throws GendictException INVALID_INPUT for dense codes or an atom index outside 0..n−1
     */
    public static void scatter(Codes codes, int n, DMatrixRMaj out) {
        if (!codes.sparse()) {
            throw new GendictException(ErrorKind.INVALID_INPUT, "codes: expected sparse codes (with atom indices), got dense codes");
        }
        DMatrixRMaj v = codes.values();
        int[] idx = codes.indices();
        Checks.parameter(idx.length == v.numRows * v.numCols, "codes: expected " + v.numRows * v.numCols
                + " atom indices for " + v.numRows + "×" + v.numCols + " values, got " + idx.length);
        out.reshape(v.numRows, n);
        Arrays.fill(out.data, 0, v.numRows * n, 0.0);
        for (int i = 0; i < idx.length; i++) {
            int j = idx[i];
            if (j < -1 || j >= n) {
                throw new GendictException(ErrorKind.INVALID_INPUT, "codes: atom index " + j + " at slot " + i
                        + " outside -1.." + (n - 1));
            }
            if (j >= 0) {
                out.data[(i / v.numCols) * n + j] += v.data[i];
            }
        }
    }

    /**
     * Number of used slots of each code.
     *
     * @param codes sparse codes. Not modified.
     * @param b     row
     * @return how many slots of row b hold an atom
     */
    public static int support(Codes codes, int b) {
        int k = codes.values().numCols;
        int count = 0;
        for (int s = 0; s < k; s++) {
            if (codes.indices()[b * k + s] >= 0) {
                count++;
            }
        }
        return count;
    }
}
