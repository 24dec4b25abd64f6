package io.gendict.baselines.omp;

import io.gendict.core.spi.Codes;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Property checks of OMP and Batch-OMP (docs/algorithms.md §7.1–7.2). */
class OmpProperties {

    /**
     * Exact support recovery of k-sparse signals over a random Gaussian dictionary in dimension 128
     * (incoherent in practice: mutual coherence ≈ 0.35 at n = 256), coefficients of magnitude in [1, 2].
     */
    @Test
    void recoversExactSupportOfSparseSignals() {
        qt().withFixedSeed(11).withExamples(60)
                .forAll(integers().between(1, 6), integers().between(32, 256), longs().all())
                .checkAssert((k, n, seed) -> {
                    SplittableRandom rng = new SplittableRandom(seed);
                    DMatrixRMaj d = Synthetic.dictionary(128, n, rng);
                    DMatrixRMaj x = Synthetic.sparseCodes(20, n, k, 1, 2, rng);
                    DMatrixRMaj y = Synthetic.signals(d, x);
                    Codes codes = BatchOmp.encode(d, y, k, 0);
                    DMatrixRMaj xs = new DMatrixRMaj(1, 1);
                    SparseCodes.scatter(codes, n, xs);
                    for (int i = 0; i < x.data.length; i++) {
                        if ((x.data[i] != 0) != (xs.data[i] != 0) || Math.abs(x.data[i] - xs.data[i]) > 1e-9) {
                            throw new AssertionError("k=" + k + " n=" + n + ": code entry " + i + " is " + xs.data[i]
                                    + ", planted " + x.data[i]);
                        }
                    }
                });
    }

    /** Batch-OMP and plain OMP choose the same atoms in the same order and agree on the values. */
    @Test
    void batchOmpEqualsPlainOmp() {
        qt().withFixedSeed(12).withExamples(60)
                .forAll(integers().between(4, 40), integers().between(2, 60), integers().between(1, 60), longs().all())
                .assuming((m, n, k, seed) -> k <= n)
                .checkAssert((m, n, k, seed) -> {
                    SplittableRandom rng = new SplittableRandom(seed);
                    DMatrixRMaj d = Synthetic.dictionary(m, n, rng);
                    DMatrixRMaj y = Synthetic.signals(Synthetic.dictionary(m, 5, rng), Synthetic.sparseCodes(8, 5, 5, 0, 0, rng));
                    double tol = rng.nextBoolean() ? 0 : 0.3;
                    Codes fast = BatchOmp.encode(d, y, k, tol);
                    Codes plain = Omp.encode(d, y, k, tol);
                    for (int i = 0; i < fast.indices().length; i++) {
                        if (fast.indices()[i] != plain.indices()[i]
                                || Math.abs(fast.values().data[i] - plain.values().data[i]) > 1e-8 * (1 + Math.abs(plain.values().data[i]))) {
                            throw new AssertionError("m=" + m + " n=" + n + " k=" + k + " tol=" + tol + ": slot " + i
                                    + " batch (" + fast.indices()[i] + ", " + fast.values().data[i] + ") vs plain ("
                                    + plain.indices()[i] + ", " + plain.values().data[i] + ")");
                        }
                    }
                });
    }
}
