package io.gendict.core.learn;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.UpdateRule;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AltMinLearnerTest {
    private static final int M = 6;
    private static final int K = 4;

    private static DMatrixRMaj batch(SplittableRandom rng, int rows) {
        DMatrixRMaj y = new DMatrixRMaj(rows, M);
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = Gaussian.next(rng);
        }
        return y;
    }

    /** An oracle that draws its starts from the given stream and returns them, so the streams are visible. */
    private static DecodeOracle startsOracle() {
        return (a, prior, y, start, rng) -> {
            DMatrixRMaj z = new DMatrixRMaj(y.numRows, prior.latentDim());
            prior.latentDistribution().sample(rng, z);
            return new DecodeResult(z, new double[y.numRows], new int[y.numRows], new boolean[y.numRows]);
        };
    }

    private static DictionaryLearner learner(DecodeOracle oracle, UpdateRule rule, int threads) {
        return new AltMinLearner("altmin", oracle, rule, new LearnerContext(M, new LinearTestPrior(K), null, 7, threads),
                AltMinLearner.Options.single());
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        DictionaryLearner one = learner(startsOracle(), LinearTestPrior.step(1e-3), 1);
        DictionaryLearner three = learner(startsOracle(), LinearTestPrior.step(1e-3), 3);
        SplittableRandom data = new SplittableRandom(1);
        for (int b = 0; b < 3; b++) {
            DMatrixRMaj y = batch(data, 29);
            one.fit(y);
            three.fit(y);
        }
        assertArrayEquals(one.dictionary().data, three.dictionary().data);
        DMatrixRMaj test = batch(data, 17);
        assertArrayEquals(one.encode(test).values().data, three.encode(test).values().data);
    }

    @Test
    void initialDictionaryIsUniformFromTheSeed() {
        DictionaryLearner a = learner(startsOracle(), LinearTestPrior.step(0), 1);
        DictionaryLearner b = learner(startsOracle(), LinearTestPrior.step(0), 2);
        assertArrayEquals(a.dictionary().data, b.dictionary().data);
        for (double v : a.dictionary().data) {
            assertTrue(v >= 0 && v < 1, "entry " + v);
        }
    }

    @Test
    void encodesDenseCodesAndCoefficientsAreTheirImage() {
        DictionaryLearner l = learner(LinearTestPrior.leastSquaresOracle(), LinearTestPrior.step(0), 1);
        DMatrixRMaj y = batch(new SplittableRandom(2), 5);
        Codes codes = l.encode(y);
        assertNull(codes.indices());
        assertEquals(5, codes.values().numRows);
        assertEquals(K, codes.values().numCols);
        DMatrixRMaj x = new DMatrixRMaj(5, K);
        l.coefficients(codes, x);
        assertArrayEquals(codes.values().data, x.data);
    }

    @Test
    void listenersSeeEveryBatch() {
        DictionaryLearner l = learner(LinearTestPrior.leastSquaresOracle(), LinearTestPrior.step(1e-3), 1);
        List<long[]> seen = new ArrayList<>();
        l.addListener((batch, samples, dictionary, err) -> seen.add(new long[]{batch, samples}));
        SplittableRandom data = new SplittableRandom(3);
        l.fit(batch(data, 10));
        l.fit(batch(data, 7));
        assertEquals(2, seen.size());
        assertArrayEquals(new long[]{0, 10}, seen.get(0));
        assertArrayEquals(new long[]{1, 17}, seen.get(1));
        assertEquals(17, l.samplesSeen());
    }

    @Test
    void nonFiniteUpdateStopsNamingTheBatchAndKeepsTheDictionary() {
        UpdateRule poison = new UpdateRule() {
            private int calls;

            @Override
            public void start(DMatrixRMaj a0, GenerativePrior prior, SplittableRandom rng) {
            }

            @Override
            public void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x) {
                if (++calls == 2) {
                    a.data[3] = Double.NaN;
                }
            }
        };
        DictionaryLearner l = learner(LinearTestPrior.leastSquaresOracle(), poison, 1);
        SplittableRandom data = new SplittableRandom(4);
        l.fit(batch(data, 8));
        double[] before = l.dictionary().data.clone();
        GendictException e = assertThrows(GendictException.class, () -> l.fit(batch(data, 8)));
        assertEquals(ErrorKind.NUMERICAL_FAILURE, e.kind());
        assertTrue(e.getMessage().contains("batch 1") && e.getMessage().contains("update"), e.getMessage());
        assertArrayEquals(before, l.dictionary().data);
    }

    @Test
    void rejectsWrongShapes() {
        DictionaryLearner l = learner(LinearTestPrior.leastSquaresOracle(), LinearTestPrior.step(0), 1);
        GendictException e = assertThrows(GendictException.class, () -> l.fit(new DMatrixRMaj(3, M + 1)));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    }
}
