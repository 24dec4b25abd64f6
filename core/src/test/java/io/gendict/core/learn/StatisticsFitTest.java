package io.gendict.core.learn;

import io.gendict.core.error.GendictException;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.Gaussian;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.SufficientStatisticsRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link AltMinLearner#fit(int, RoundSums.Source)} with rounds decoded elsewhere, chunk by chunk with the
 * streams of {@link LearnerStreams#chunks}, learns what {@link AltMinLearner#fit(DMatrixRMaj)} learns.
 */
class StatisticsFitTest {
    private static final int M = 5;
    private static final int K = 3;
    private static final LinearTestPrior PRIOR = new LinearTestPrior(K);

    /** Starts drawn from the stream, then one least-squares-free shrink so the codes depend on A. */
    private static final DecodeOracle ORACLE = (a, prior, y, start, rng) -> {
        DMatrixRMaj z = new DMatrixRMaj(y.numRows, prior.latentDim());
        prior.latentDistribution().sample(rng, z);
        CommonOps_DDRM.scale(1 / (1 + a.data[0] * a.data[0]), z);
        double[] objective = new double[y.numRows];
        DMatrixRMaj x = new DMatrixRMaj(y.numRows, prior.outputDim());
        prior.forward(z, x);
        for (int b = 0; b < y.numRows; b++) {
            for (int i = 0; i < a.numRows; i++) {
                double r = y.get(b, i);
                for (int j = 0; j < a.numCols; j++) {
                    r -= a.get(i, j) * x.get(b, j);
                }
                objective[b] += r * r;
            }
        }
        return new DecodeResult(z, objective, new int[y.numRows], new boolean[y.numRows]);
    };

    /** A ← A + η·(YᵀX − A·XᵀX)/B, from rows or from sums. */
    private static final class GradientRule implements SufficientStatisticsRule {
        @Override
        public void start(DMatrixRMaj a0, GenerativePrior prior, SplittableRandom rng) {
        }

        @Override
        public void update(DMatrixRMaj a, DMatrixRMaj y, DMatrixRMaj x) {
            DMatrixRMaj yx = new DMatrixRMaj(a.numRows, a.numCols);
            DMatrixRMaj xx = new DMatrixRMaj(a.numCols, a.numCols);
            CommonOps_DDRM.multTransA(y, x, yx);
            CommonOps_DDRM.multTransA(x, x, xx);
            update(a, yx, xx, y.numRows);
        }

        @Override
        public void update(DMatrixRMaj a, DMatrixRMaj yx, DMatrixRMaj xx, int rows) {
            DMatrixRMaj step = yx.copy();
            CommonOps_DDRM.multAdd(-1, a, xx, step);
            CommonOps_DDRM.addEquals(a, 0.05 / rows, step);
        }
    }

    private static AltMinLearner learner(AltMinLearner.Options options) {
        return new AltMinLearner("t", ORACLE, new GradientRule(), new LearnerContext(M, PRIOR, null, 3, 1), options);
    }

    /** Decodes each chunk of a batch with its stream, in reverse chunk order, as a cluster might. */
    private static RoundSums.Source elsewhere(DMatrixRMaj y) {
        return (batch, round, a) -> {
            int chunks = (y.numRows + LearnerStreams.CHUNK - 1) / LearnerStreams.CHUNK;
            DMatrixRMaj yx = new DMatrixRMaj(M, PRIOR.outputDim());
            DMatrixRMaj xx = new DMatrixRMaj(PRIOR.outputDim(), PRIOR.outputDim());
            double yy = 0;
            double objective = 0;
            for (int c = chunks - 1; c >= 0; c--) {
                DMatrixRMaj part = CommonOps_DDRM.extract(y, c * LearnerStreams.CHUNK,
                        Math.min(y.numRows, (c + 1) * LearnerStreams.CHUNK), 0, M);
                DecodeResult r = ORACLE.decode(a, PRIOR, part, null, new LearnerStreams(3).chunks(batch, round, c, c + 1)[0]);
                DMatrixRMaj x = new DMatrixRMaj(part.numRows, PRIOR.outputDim());
                PRIOR.forward(r.z(), x);
                CommonOps_DDRM.multAddTransA(part, x, yx);
                CommonOps_DDRM.multAddTransA(x, x, xx);
                yy += CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(part, part, null));
                for (double f : r.objective()) {
                    objective += f;
                }
            }
            return new RoundSums(yx, xx, yy, objective, y.numRows);
        };
    }

    @Test
    void sumsDecodedElsewhereLearnWhatRowsLearn() {
        for (AltMinLearner.Options options : List.of(AltMinLearner.Options.single(), new AltMinLearner.Options(3, 0.001))) {
            AltMinLearner local = learner(options);
            AltMinLearner remote = learner(options);
            List<Double> localCurve = new ArrayList<>();
            List<Double> remoteCurve = new ArrayList<>();
            local.addListener((batch, samples, a, error) -> localCurve.add(error));
            remote.addListener((batch, samples, a, error) -> remoteCurve.add(error));
            SplittableRandom data = new SplittableRandom(9);
            for (int b = 0; b < 4; b++) {
                DMatrixRMaj y = new DMatrixRMaj(21, M);
                for (int i = 0; i < y.data.length; i++) {
                    y.data[i] = Gaussian.next(data);
                }
                local.fit(y);
                remote.fit(y.numRows, elsewhere(y));
            }
            assertEquals(local.samplesSeen(), remote.samplesSeen());
            assertArrayEquals(local.dictionary().data, remote.dictionary().data, 1e-12);
            for (int b = 0; b < localCurve.size(); b++) {
                assertEquals(localCurve.get(b), remoteCurve.get(b), 1e-12);
            }
        }
    }

    @Test
    void aNonFiniteSumLeavesTheDictionaryAsItWas() {
        AltMinLearner learner = learner(AltMinLearner.Options.single());
        DMatrixRMaj before = learner.dictionary().copy();
        DMatrixRMaj nan = new DMatrixRMaj(M, PRIOR.outputDim());
        nan.data[0] = Double.NaN;
        assertThrows(GendictException.class, () -> learner.fit(4,
                (batch, round, a) -> new RoundSums(nan, new DMatrixRMaj(PRIOR.outputDim(), PRIOR.outputDim()), 1, 1, 4)));
        assertArrayEquals(before.data, learner.dictionary().data, 0.0);
        assertEquals(0, learner.samplesSeen());
    }
}
