package io.gendict.oracles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gendict.core.error.GendictException;
import io.gendict.core.spi.DecodeOracle;
import io.gendict.core.spi.DecodeResult;
import io.gendict.core.spi.GenerativePrior;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The screen: each sample starts from its nearest screened prediction (or the given start when that
 * is nearer), the draws follow the call's stream (directly, or through one seed with {@code reuse}),
 * and calls with equal streams get the same bits whatever ran in between or beside them.
 */
class ScreenedOracleTest {
    private static final int SCREEN = 300;
    private final GenerativePrior prior = TestPriors.dependencies(3);
    private final Synthetic data = new Synthetic(prior, 10, 0.1, new SplittableRandom(3));
    private final DMatrixRMaj y = data.batch(40, new SplittableRandom(4)).y();

    /** Records the starts it is given and returns them as the result. */
    private static final class Recorder implements DecodeOracle {
        private DMatrixRMaj starts;

        @Override
        public DecodeResult decode(DMatrixRMaj a, GenerativePrior prior, DMatrixRMaj y, DMatrixRMaj start,
                                   SplittableRandom rng) {
            starts = start.copy();
            int rows = y.numRows;
            return new DecodeResult(start.copy(), new double[rows], new int[rows], new boolean[rows]);
        }
    }

    /** @return a 10×n dictionary with entries Uniform[0, 1) */
    private DMatrixRMaj dictionary() {
        DMatrixRMaj dict = new DMatrixRMaj(10, prior.outputDim());
        SplittableRandom fill = new SplittableRandom(8);
        for (int i = 0; i < dict.data.length; i++) {
            dict.data[i] = fill.nextDouble();
        }
        return dict;
    }

    @ParameterizedTest
    @CsvSource({"false, 300", "true, 300", "false, 40", "true, 40"})
    void eachSampleStartsFromItsNearestDrawOrTheGivenStartWhenNearer(boolean reuse, int warm) {
        DMatrixRMaj dict = dictionary();
        Recorder inner = new Recorder();
        ScreenedOracle oracle = new ScreenedOracle(inner, SCREEN, warm, reuse);
        DMatrixRMaj given = new DMatrixRMaj(y.numRows, 3);
        prior.latentDistribution().sample(new SplittableRandom(9), given);
        oracle.decode(dict, prior, y, given, new SplittableRandom(10));
        int keptGiven = checkStarts(dict, inner, draws(reuse, reuse ? SCREEN : warm, 10), warm, given);
        assertFalse(keptGiven == 0 || keptGiven == y.numRows, "both kinds of start occur: " + keptGiven);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void withoutStartsTheWholeScreenCompetesWhateverWarmIs(boolean reuse) {
        DMatrixRMaj dict = dictionary();
        Recorder inner = new Recorder();
        new ScreenedOracle(inner, SCREEN, 40, reuse).decode(dict, prior, y, null, new SplittableRandom(10));
        checkStarts(dict, inner, draws(reuse, SCREEN, 10), SCREEN, null);
    }

    @Test
    void aWarmScreenLargerThanTheScreenIsRefused() {
        GendictException e = assertThrows(GendictException.class, () -> new ScreenedOracle(new Recorder(), SCREEN,
                SCREEN + 1, true));
        assertEquals("screened: warm = 301, expected 1 to candidates (300)", e.getMessage());
    }

    /** @return the draws a call with stream seed {@code seed} screens */
    private DMatrixRMaj draws(boolean reuse, int count, long seed) {
        SplittableRandom stream = reuse ? new SplittableRandom(new SplittableRandom(seed).nextLong())
                : new SplittableRandom(seed);
        return LatentStarts.initial(prior, null, count, stream, Double.POSITIVE_INFINITY);
    }

    /**
     * Asserts that each recorded start is the nearest of the first {@code screened} draws, or the given
     * start (if any) when that is at least as near.
     *
     * @return how many samples kept their given start
     */
    private int checkStarts(DMatrixRMaj dict, Recorder inner, DMatrixRMaj draws, int screened, DMatrixRMaj given) {
        int keptGiven = 0;
        for (int b = 0; b < y.numRows; b++) {
            double best = Double.POSITIVE_INFINITY;
            int bestRow = -1;
            for (int l = 0; l < screened; l++) {
                double d = distance(dict, b, draws, l);
                if (d < best) {
                    best = d;
                    bestRow = l;
                }
            }
            boolean keep = given != null && distance(dict, b, given, b) <= best;
            keptGiven += keep ? 1 : 0;
            double[] expected = Arrays.copyOfRange((keep ? given : draws).data, (keep ? b : bestRow) * 3,
                    (keep ? b : bestRow) * 3 + 3);
            assertArrayEquals(expected, Arrays.copyOfRange(inner.starts.data, b * 3, b * 3 + 3), 0.0, "sample " + b);
        }
        return keptGiven;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void equalStreamsGiveEqualBitsWhateverRanBetween(boolean reuse) {
        DecodeOracle oracle = new ScreenedOracle(new GaussNewtonOracle(20, 1e-10, 0, true), SCREEN, SCREEN, reuse);
        DMatrixRMaj dict = dictionary();
        DecodeResult first = oracle.decode(dict, prior, y, null, new SplittableRandom(11));
        DecodeResult other = oracle.decode(dict, prior, y, null, new SplittableRandom(12));
        oracle.decode(dict, TestPriors.dependencies(3), y, null, new SplittableRandom(11));
        DecodeResult again = oracle.decode(dict, prior, y, null, new SplittableRandom(11));
        assertArrayEquals(first.z().data, again.z().data);
        assertArrayEquals(first.objective(), again.objective());
        assertFalse(Arrays.equals(first.z().data, other.z().data), "another stream, other draws");
    }

    @Test
    void concurrentCallsWithEqualStreamsAgree() throws Exception {
        DecodeOracle oracle = new ScreenedOracle(new GaussNewtonOracle(20, 1e-10, 0, true), SCREEN, SCREEN, true);
        DMatrixRMaj dict = dictionary();
        double[] expected = oracle.decode(dict, prior, y, null, new SplittableRandom(13)).z().data;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                long seed = 13 + t % 2;
                results.add(pool.submit(() -> oracle.decode(dict, prior, y, null, new SplittableRandom(seed)).z().data));
            }
            for (int t = 0; t < 16; t += 2) {
                assertArrayEquals(expected, results.get(t).get(), "call " + t);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return ‖y_b − A·G(z_l)‖² */
    private double distance(DMatrixRMaj dict, int b, DMatrixRMaj z, int l) {
        DMatrixRMaj zl = new DMatrixRMaj(1, 3);
        System.arraycopy(z.data, l * 3, zl.data, 0, 3);
        DMatrixRMaj x = new DMatrixRMaj(1, prior.outputDim());
        prior.forward(zl, x);
        double s = 0;
        for (int i = 0; i < dict.numRows; i++) {
            double p = 0;
            for (int j = 0; j < dict.numCols; j++) {
                p += dict.get(i, j) * x.data[j];
            }
            double d = y.get(b, i) - p;
            s += d * d;
        }
        return s;
    }
}
