package io.gendict.baselines.omp;

import io.gendict.core.spi.Gaussian;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.SplittableRandom;

/** Seeded synthetic dictionaries and sparse signals for the tests. */
public final class Synthetic {
    private Synthetic() {
    }

    /** @return an m×n dictionary with i.i.d. Gaussian entries and unit-norm columns */
    public static DMatrixRMaj dictionary(int m, int n, SplittableRandom rng) {
        DMatrixRMaj d = new DMatrixRMaj(m, n);
        for (int i = 0; i < m * n; i++) {
            d.data[i] = Gaussian.next(rng);
        }
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += d.get(i, j) * d.get(i, j);
            }
            double inv = 1 / Math.sqrt(s);
            for (int i = 0; i < m; i++) {
                d.set(i, j, d.get(i, j) * inv);
            }
        }
        return d;
    }

    /**
     * Exactly k-sparse codes: distinct random atoms, values ±[lo, hi] (lo = hi = 0 means N(0,1)).
     *
     * @return B×n codes
     */
    public static DMatrixRMaj sparseCodes(int rows, int n, int k, double lo, double hi, SplittableRandom rng) {
        DMatrixRMaj x = new DMatrixRMaj(rows, n);
        int[] perm = new int[n];
        for (int b = 0; b < rows; b++) {
            for (int j = 0; j < n; j++) {
                perm[j] = j;
            }
            for (int s = 0; s < k; s++) {
                int p = s + rng.nextInt(n - s);
                int t = perm[s];
                perm[s] = perm[p];
                perm[p] = t;
                double v = hi > 0 ? (lo + (hi - lo) * rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1) : Gaussian.next(rng);
                x.set(b, perm[s], v);
            }
        }
        return x;
    }

    /** @return Y = X·Dᵀ (B×m), one signal per row */
    public static DMatrixRMaj signals(DMatrixRMaj d, DMatrixRMaj x) {
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, d.numRows);
        CommonOps_DDRM.multTransB(x, d, y);
        return y;
    }
}
