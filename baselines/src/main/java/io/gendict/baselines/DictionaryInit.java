package io.gendict.baselines;

import io.gendict.core.error.Checks;
import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * Initial dictionaries with unit-norm atoms (m×n, atoms as columns).
 */
final class DictionaryInit {
    private DictionaryInit() {
    }

    /** @return a copy of {@code given} with its columns normalized; zero columns become random unit atoms */
    static DMatrixRMaj given(DMatrixRMaj given, int m, int n, SplittableRandom rng) {
        Checks.shape("initial dictionary", given, m, n);
        Checks.finite("initial dictionary", given);
        DMatrixRMaj d = given.copy();
        for (int j = 0; j < n; j++) {
            if (!Atoms.normalizeColumn(d, j)) {
                Atoms.randomColumn(d, j, rng);
            }
        }
        return d;
    }

    /** @return n random unit atoms (i.i.d. Gaussian entries, normalized) */
    static DMatrixRMaj random(int m, int n, SplittableRandom rng) {
        DMatrixRMaj d = new DMatrixRMaj(m, n);
        for (int j = 0; j < n; j++) {
            Atoms.randomColumn(d, j, rng);
        }
        return d;
    }

    /**
     * Atoms from distinct signals of a batch chosen at random, normalized. Zero signals are skipped;
     * when the batch has fewer non-zero signals than n, the remaining atoms are random.
     *
     * @param y B×m batch. Not modified.
     */
    static DMatrixRMaj fromData(DMatrixRMaj y, int n, SplittableRandom rng) {
        int rows = y.numRows;
        int m = y.numCols;
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        DMatrixRMaj d = new DMatrixRMaj(m, n);
        int j = 0;
        for (int p = 0; p < rows && j < n; p++) {
            for (int i = 0; i < m; i++) {
                d.data[i * n + j] = y.data[order[p] * m + i];
            }
            if (Atoms.normalizeColumn(d, j)) {
                j++;
            }
        }
        for (; j < n; j++) {
            Atoms.randomColumn(d, j, rng);
        }
        return d;
    }
}
