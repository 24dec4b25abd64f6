package io.gendict.baselines;

import io.gendict.core.kernel.Workers;
import io.gendict.baselines.omp.BatchOmp;
import io.gendict.baselines.omp.SparseCodes;
import io.gendict.baselines.omp.Synthetic;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvidersTest {

    @Test
    void allBaselinesAreDiscovered() {
        Set<String> names = new TreeSet<>();
        for (BaselineProvider p : ServiceLoader.load(BaselineProvider.class)) {
            names.add(p.name());
            assertTrue(!p.description().isBlank());
        }
        assertEquals(Set.of("mod", "ksvd", "approximate-ksvd", "online-dl", "pca"), names);
    }

    /** One batch-mode MOD step equals the closed form D = normalize(Y·Xᵀ(X·Xᵀ)⁻¹) with X the OMP codes. */
    @Test
    void modStepMatchesClosedForm() {
        SplittableRandom rng = new SplittableRandom(8);
        DMatrixRMaj d0 = Synthetic.dictionary(12, 20, rng);
        DMatrixRMaj y = Synthetic.signals(Synthetic.dictionary(12, 20, rng), Synthetic.sparseCodes(300, 20, 3, 0, 0, rng));
        BaselineProvider p = Providers.byName("mod");
        DictionaryLearner l = p.create(p.parameters().validate("mod", Map.of("sparsity", 3, "mode", "batch")),
                new LearnerContext(12, null, d0, 1, 1));
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        SparseCodes.scatter(BatchOmp.encode(d0, y, 3, 0), 20, x);
        l.fit(y);
        DMatrixRMaj yx = new DMatrixRMaj(12, 20);
        CommonOps_DDRM.multTransA(y, x, yx);
        DMatrixRMaj xx = new DMatrixRMaj(20, 20);
        CommonOps_DDRM.multTransA(x, x, xx);
        CommonOps_DDRM.invert(xx);
        DMatrixRMaj expected = new DMatrixRMaj(12, 20);
        CommonOps_DDRM.mult(yx, xx, expected);
        for (int j = 0; j < 20; j++) {
            double s = 0;
            for (int i = 0; i < 12; i++) {
                s += expected.get(i, j) * expected.get(i, j);
            }
            for (int i = 0; i < 12; i++) {
                expected.set(i, j, expected.get(i, j) / Math.sqrt(s));
            }
        }
        assertArrayEquals(expected.data, l.dictionary().data, 1e-7);
    }

    /** Mini-batch MOD over two batches equals one batch-mode step on their union (same starting codes). */
    @Test
    void miniBatchModKeepsRunningSums() {
        SplittableRandom rng = new SplittableRandom(9);
        DMatrixRMaj d0 = Synthetic.dictionary(12, 20, rng);
        DMatrixRMaj y = Synthetic.signals(Synthetic.dictionary(12, 20, rng), Synthetic.sparseCodes(200, 20, 3, 0, 0, rng));
        BaselineProvider p = Providers.byName("mod");
        DictionaryLearner mini = p.create(p.parameters().validate("mod", Map.of("sparsity", 3)), new LearnerContext(12, null, d0, 1, 1));
        DMatrixRMaj y1 = CommonOps_DDRM.extract(y, 0, 100, 0, 12);
        DMatrixRMaj y2 = CommonOps_DDRM.extract(y, 100, 200, 0, 12);
        mini.fit(y1);
        DMatrixRMaj afterFirst = mini.dictionary().copy();
        mini.fit(y2);
        DictionaryLearner check = p.create(p.parameters().validate("mod", Map.of("sparsity", 3)), new LearnerContext(12, null, d0, 1, 1));
        check.fit(y1);
        assertArrayEquals(afterFirst.data, check.dictionary().data, 0);
        assertEquals(200, mini.samplesSeen());
        double before = residual(afterFirst, y2);
        double after = residual(mini.dictionary(), y2);
        assertTrue(after < before, "the second batch's error did not drop: " + before + " -> " + after);
    }

    private static double residual(DMatrixRMaj d, DMatrixRMaj y) {
        double[] res = new double[y.numRows];
        new BatchOmp(d).encode(y, 3, 0, new Workers(1), res);
        double s = 0;
        for (double r : res) {
            s += r;
        }
        return s;
    }
}
