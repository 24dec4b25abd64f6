package io.gendict.oracles;

import io.gendict.core.spi.DecodeResult;
import org.ejml.data.DMatrixRMaj;

/**
 * Row selection and per-sample merging of decode results, for oracles that re-run another oracle
 * on some of the samples.
 */
final class Rows {
    private Rows() {
    }

    /**
     * @param src   B×c. Not modified.
     * @param rows  row indices, first {@code count} used
     * @param count number of rows
     * @return a new count×c matrix of the selected rows
     */
    static DMatrixRMaj select(DMatrixRMaj src, int[] rows, int count) {
        int c = src.numCols;
        DMatrixRMaj out = new DMatrixRMaj(count, c);
        for (int i = 0; i < count; i++) {
            System.arraycopy(src.data, rows[i] * c, out.data, i * c, c);
        }
        return out;
    }

    /**
     * Per sample, keeps the lower objective of {@code base} and {@code other} (other's row i belongs
     * to base's row rows[i]); iterations add up.
     *
     * @param base  result for all B samples. Not modified.
     * @param other result for the selected samples. Not modified.
     * @param rows  indices into base, first {@code count} used
     * @param count number of selected samples
     * @return the merged result
     */
    static DecodeResult keepBetter(DecodeResult base, DecodeResult other, int[] rows, int count) {
        DMatrixRMaj z = base.z().copy();
        double[] objective = base.objective().clone();
        int[] iterations = base.iterations().clone();
        boolean[] converged = base.converged().clone();
        int k = z.numCols;
        for (int i = 0; i < count; i++) {
            int b = rows[i];
            iterations[b] += other.iterations()[i];
            if (other.objective()[i] < objective[b]) {
                objective[b] = other.objective()[i];
                converged[b] = other.converged()[i];
                System.arraycopy(other.z().data, i * k, z.data, b * k, k);
            }
        }
        return new DecodeResult(z, objective, iterations, converged);
    }
}
