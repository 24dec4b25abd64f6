package io.gendict.baselines;

import io.gendict.baselines.omp.Synthetic;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.param.Params;
import io.gendict.core.spi.BaselineProvider;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Degenerate input for every baseline: documented behaviour, finite results, or a clear error. */
class LearnerDegenerateTest {
    private static final String[] METHODS = {"mod", "ksvd", "approximate-ksvd", "online-dl"};

    private static DictionaryLearner create(String method, Map<String, ?> raw, LearnerContext context) {
        BaselineProvider p = Providers.byName(method);
        Params params = p.parameters().validate(method, raw);
        return p.create(params, context);
    }

    private static DictionaryLearner create(String method, int atoms, int sparsity, int m) {
        return create(method, Map.of("atoms", atoms, "sparsity", sparsity), new LearnerContext(m, null, null, 3, 1));
    }

    private static void assertFiniteUnitBounded(DMatrixRMaj d) {
        for (int j = 0; j < d.numCols; j++) {
            double s = 0;
            for (int i = 0; i < d.numRows; i++) {
                assertTrue(Double.isFinite(d.get(i, j)), "non-finite atom entry");
                s += d.get(i, j) * d.get(i, j);
            }
            assertTrue(s > 0 && s <= 1 + 1e-9, "atom " + j + " has squared norm " + s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mod", "ksvd", "approximate-ksvd", "online-dl"})
    void fewerSignalsThanAtoms(String method) {
        SplittableRandom rng = new SplittableRandom(1);
        DictionaryLearner l = create(method, 30, 3, 10);
        DMatrixRMaj y = Synthetic.signals(Synthetic.dictionary(10, 30, rng), Synthetic.sparseCodes(5, 30, 3, 0, 0, rng));
        for (int i = 0; i < 3; i++) {
            l.fit(y);
        }
        assertEquals(15, l.samplesSeen());
        assertEquals(10, l.dictionary().numRows);
        assertEquals(30, l.dictionary().numCols);
        assertFiniteUnitBounded(l.dictionary());
    }

    /** Documented: all-zero signals get empty codes and leave the dictionary finite (init=data then uses random atoms). */
    @ParameterizedTest
    @ValueSource(strings = {"mod", "ksvd", "approximate-ksvd", "online-dl"})
    void zeroSignals(String method) {
        DictionaryLearner l = create(method, 12, 2, 6);
        double[] errors = new double[1];
        l.addListener((batch, seen, d, err) -> errors[0] = err);
        l.fit(new DMatrixRMaj(20, 6));
        assertEquals(0.0, errors[0]);
        assertFiniteUnitBounded(l.dictionary());
        Codes codes = l.encode(new DMatrixRMaj(4, 6));
        for (int j : codes.indices()) {
            assertEquals(-1, j);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mod", "ksvd", "approximate-ksvd", "online-dl"})
    void repeatedSignals(String method) {
        SplittableRandom rng = new SplittableRandom(2);
        DMatrixRMaj one = Synthetic.signals(Synthetic.dictionary(8, 4, rng), Synthetic.sparseCodes(1, 4, 2, 0, 0, rng));
        DMatrixRMaj y = new DMatrixRMaj(40, 8);
        for (int b = 0; b < 40; b++) {
            System.arraycopy(one.data, 0, y.data, b * 8, 8);
        }
        DictionaryLearner l = create(method, 16, 2, 8);
        double[] errors = new double[2];
        l.addListener((batch, seen, d, err) -> errors[batch] = err);
        l.fit(y);
        l.fit(y);
        assertFiniteUnitBounded(l.dictionary());
        assertTrue(errors[1] < 1e-20, "the repeated signal is an atom after one step, error " + errors[1]);
    }

    /** Documented: sparsity above the dimension is allowed; codes stop at an exact representation. */
    @ParameterizedTest
    @ValueSource(strings = {"mod", "ksvd", "approximate-ksvd", "online-dl"})
    void sparsityAboveDimension(String method) {
        SplittableRandom rng = new SplittableRandom(3);
        DictionaryLearner l = create(method, 20, 9, 5);
        DMatrixRMaj y = Synthetic.signals(Synthetic.dictionary(5, 20, rng), Synthetic.sparseCodes(50, 20, 8, 0, 0, rng));
        l.fit(y);
        l.fit(y);
        assertFiniteUnitBounded(l.dictionary());
        Codes codes = l.encode(y);
        for (double v : codes.values().data) {
            assertTrue(Double.isFinite(v));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mod", "ksvd", "approximate-ksvd", "online-dl"})
    void clearErrors(String method) {
        LearnerContext noPrior = new LearnerContext(5, null, null, 1, 1);
        assertEquals(ErrorKind.INVALID_PARAMETER, assertThrows(GendictException.class,
                () -> create(method, Map.of("sparsity", 2), noPrior)).kind());
        assertEquals(ErrorKind.INVALID_PARAMETER, assertThrows(GendictException.class,
                () -> create(method, Map.of("atoms", 4), noPrior)).kind());
        assertEquals(ErrorKind.INVALID_PARAMETER, assertThrows(GendictException.class,
                () -> create(method, Map.of("atoms", 4, "sparsity", 5), noPrior)).kind());
        DictionaryLearner l = create(method, 8, 2, 5);
        assertEquals(ErrorKind.INVALID_INPUT, assertThrows(GendictException.class, () -> l.encode(new DMatrixRMaj(1, 5))).kind());
        assertEquals(ErrorKind.INVALID_INPUT, assertThrows(GendictException.class, () -> l.fit(new DMatrixRMaj(0, 5))).kind());
        assertEquals(ErrorKind.INVALID_INPUT, assertThrows(GendictException.class, () -> l.fit(new DMatrixRMaj(3, 4))).kind());
        DMatrixRMaj nan = new DMatrixRMaj(3, 5);
        nan.set(2, 2, Double.NaN);
        assertEquals(ErrorKind.INVALID_INPUT, assertThrows(GendictException.class, () -> l.fit(nan)).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mod", "ksvd", "approximate-ksvd", "online-dl"})
    void sameSeedSameResultForAnyThreadCount(String method) {
        SplittableRandom rng = new SplittableRandom(4);
        DMatrixRMaj y = Synthetic.signals(Synthetic.dictionary(12, 30, rng), Synthetic.sparseCodes(200, 30, 3, 0, 0, rng));
        DMatrixRMaj[] out = new DMatrixRMaj[2];
        for (int t = 1; t <= 2; t++) {
            DictionaryLearner l = create(method, Map.of("atoms", 25, "sparsity", 3), new LearnerContext(12, null, null, 9, t));
            l.fit(y);
            l.fit(y);
            out[t - 1] = l.dictionary();
        }
        assertArrayEquals(out[0].data, out[1].data);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mod", "ksvd", "approximate-ksvd", "online-dl"})
    void givenDictionaryIsUsedAndCodesScatter(String method) {
        SplittableRandom rng = new SplittableRandom(5);
        DMatrixRMaj d = Synthetic.dictionary(10, 15, rng);
        DictionaryLearner l = create(method, Map.of("sparsity", 2), new LearnerContext(10, null, d, 1, 1));
        assertArrayEquals(d.data, l.dictionary().data, 1e-12);
        DMatrixRMaj x = Synthetic.sparseCodes(6, 15, 2, 1, 2, rng);
        DMatrixRMaj back = new DMatrixRMaj(1, 1);
        l.coefficients(l.encode(Synthetic.signals(d, x)), back);
        assertArrayEquals(x.data, back.data, 1e-9);
    }
}
