package io.gendict.oracles;

import io.gendict.core.spi.Gaussian;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** The non-negative least-squares solution satisfies the KKT conditions of min ½wᵀQw − pᵀw, w ≥ 0. */
class ConstrainedLeastSquaresProperties {

    @Test
    void nonNegativeSolutionSatisfiesKkt() {
        qt().withFixedSeed(3).withExamples(200).forAll(longs().between(1, 1_000_000), integers().between(1, 12))
                .check((seed, q) -> kkt(seed, q));
    }

    private static boolean kkt(long seed, int q) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj d = new DMatrixRMaj(q + 3, q);
        for (int i = 0; i < d.data.length; i++) {
            d.data[i] = rng.nextDouble() + 0.3 * Gaussian.next(rng);
        }
        DMatrixRMaj gram = new DMatrixRMaj(q, q);
        CommonOps_DDRM.multTransA(d, d, gram);
        double[] p = new double[q];
        for (int i = 0; i < q; i++) {
            p[i] = 3 * Gaussian.next(rng);
        }
        double[] w = new double[q];
        new ConstrainedLeastSquares(q).solve(gram, p, 0, true, w);
        double scale = 0;
        for (double v : p) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < q; i++) {
            double g = -p[i];
            for (int j = 0; j < q; j++) {
                g += gram.get(i, j) * w[j];
            }
            boolean ok = w[i] >= 0 && g >= -1e-8 * scale && (w[i] == 0 || Math.abs(g) <= 1e-8 * scale);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
