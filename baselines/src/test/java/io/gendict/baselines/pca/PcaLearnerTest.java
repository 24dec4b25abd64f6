package io.gendict.baselines.pca;

import io.gendict.core.error.GendictException;
import io.gendict.core.spi.Checkpointable;
import io.gendict.core.spi.Codes;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.LearnerContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcaLearnerTest {
    private static final int M = 40;
    private static final int RANK = 5;

    /** Rank-8 signal with decaying strengths plus small noise and a non-zero mean: a clear top-5 subspace. */
    private static DMatrixRMaj data(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj basis = new DMatrixRMaj(8, M);
        for (int i = 0; i < basis.data.length; i++) {
            basis.data[i] = rng.nextGaussian();
        }
        DMatrixRMaj y = new DMatrixRMaj(rows, M);
        for (int b = 0; b < rows; b++) {
            for (int j = 0; j < 8; j++) {
                double c = rng.nextGaussian() * Math.pow(2, -j);
                for (int i = 0; i < M; i++) {
                    y.data[b * M + i] += c * basis.get(j, i);
                }
            }
            for (int i = 0; i < M; i++) {
                y.data[b * M + i] += 0.01 * rng.nextGaussian() + 0.3 * i / M;
            }
        }
        return y;
    }

    private static DictionaryLearner pca(boolean center, DMatrixRMaj initial) {
        PcaProvider p = new PcaProvider();
        return p.create(p.parameters().validate("pca", Map.of("rank", RANK, "center", center)),
                new LearnerContext(M, null, initial, 1, 1));
    }

    /** Top-r left singular vectors of the (optionally centred) data, as EJML's SVD gives them: m×r. */
    private static DMatrixRMaj svdBasis(DMatrixRMaj y, boolean center) {
        DMatrixRMaj yt = new DMatrixRMaj(M, y.numRows);
        CommonOps_DDRM.transpose(y, yt);
        if (center) {
            for (int i = 0; i < M; i++) {
                double mean = 0;
                for (int b = 0; b < y.numRows; b++) {
                    mean += yt.get(i, b) / y.numRows;
                }
                for (int b = 0; b < y.numRows; b++) {
                    yt.set(i, b, yt.get(i, b) - mean);
                }
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(M, y.numRows, true, false, true);
        assertTrue(svd.decompose(yt));
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, w, null, false);
        return CommonOps_DDRM.extract(u, 0, M, 0, RANK);
    }

    /** sin of the largest principal angle between the column spans of two orthonormal m×r bases. */
    private static double largestAngleSine(DMatrixRMaj u, DMatrixRMaj v) {
        DMatrixRMaj proj = new DMatrixRMaj(RANK, RANK);
        CommonOps_DDRM.multTransA(u, v, proj);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(RANK, RANK, false, false, true);
        assertTrue(svd.decompose(proj));
        double smallest = Double.POSITIVE_INFINITY;
        for (double s : svd.getSingularValues()) {
            smallest = Math.min(smallest, s);
        }
        return Math.sqrt(Math.max(0, 1 - smallest * smallest));
    }

    private static DMatrixRMaj basisOf(DictionaryLearner l) {
        return CommonOps_DDRM.extract(l.dictionary(), 0, M, 0, RANK);
    }

    @Test
    void streamedSubspaceIsTheSvdSubspaceOfAllSamples() {
        DMatrixRMaj y = data(120, 3);
        for (boolean center : new boolean[]{true, false}) {
            DictionaryLearner l = pca(center, null);
            for (int b = 0; b < 4; b++) {
                l.fit(CommonOps_DDRM.extract(y, 30 * b, 30 * b + 30, 0, M));
            }
            assertEquals(120, l.samplesSeen());
            assertTrue(largestAngleSine(basisOf(l), svdBasis(y, center)) < 1e-8, "center=" + center);
        }
    }

    @Test
    void centredCodesReconstructProjectionPlusMean() {
        DMatrixRMaj y = data(60, 4);
        DictionaryLearner l = pca(true, null);
        l.fit(y);
        assertEquals(RANK + 1, l.dictionary().numCols);
        DMatrixRMaj x = new DMatrixRMaj(60, RANK + 1);
        Codes codes = l.encode(y);
        assertEquals(RANK, codes.values().numCols);
        l.coefficients(codes, x);
        DMatrixRMaj yHat = new DMatrixRMaj(60, M);
        CommonOps_DDRM.multTransB(x, l.dictionary(), yHat);
        // The residual of a least-squares projection is orthogonal to the basis.
        DMatrixRMaj residual = new DMatrixRMaj(60, M);
        CommonOps_DDRM.subtract(y, yHat, residual);
        DMatrixRMaj dots = new DMatrixRMaj(60, RANK);
        CommonOps_DDRM.mult(residual, basisOf(l), dots);
        assertTrue(CommonOps_DDRM.elementMaxAbs(dots) < 1e-10);
        // and centring beats not centring on data with a non-zero mean, at the same rank.
        DictionaryLearner plain = pca(false, null);
        plain.fit(y);
        DMatrixRMaj xPlain = new DMatrixRMaj(60, RANK);
        plain.coefficients(plain.encode(y), xPlain);
        DMatrixRMaj yPlain = new DMatrixRMaj(60, M);
        CommonOps_DDRM.multTransB(xPlain, plain.dictionary(), yPlain);
        CommonOps_DDRM.subtract(y, yPlain, yPlain);
        assertTrue(CommonOps_DDRM.elementSum(elementSquare(residual)) < CommonOps_DDRM.elementSum(elementSquare(yPlain)));
    }

    private static DMatrixRMaj elementSquare(DMatrixRMaj a) {
        DMatrixRMaj out = a.copy();
        CommonOps_DDRM.elementMult(out, a);
        return out;
    }

    @Test
    void savedDictionaryCodesAsTheTrainedLearner() {
        DMatrixRMaj y = data(50, 5);
        DictionaryLearner trained = pca(true, null);
        trained.fit(y);
        DictionaryLearner loaded = pca(true, trained.dictionary().copy());
        assertArrayEquals(trained.encode(y).values().data, loaded.encode(y).values().data, 0);
    }

    @Test
    void restoredStateContinuesBitForBit() {
        DMatrixRMaj y = data(90, 6);
        DictionaryLearner a = pca(true, null);
        a.fit(CommonOps_DDRM.extract(y, 0, 30, 0, M));
        DictionaryLearner b = pca(true, null);
        ((Checkpointable) b).restore(((Checkpointable) a).state());
        DMatrixRMaj rest = CommonOps_DDRM.extract(y, 30, 90, 0, M);
        a.fit(rest);
        b.fit(rest);
        assertArrayEquals(a.dictionary().data, b.dictionary().data, 0);
        assertEquals(a.samplesSeen(), b.samplesSeen());
    }

    @Test
    void wrongCodesAndBatchesAreRefused() {
        DictionaryLearner l = pca(true, null);
        l.fit(data(20, 7));
        DMatrixRMaj out = new DMatrixRMaj(2, RANK + 1);
        assertThrows(GendictException.class, () -> l.coefficients(new Codes(new DMatrixRMaj(2, RANK + 1), null), out));
        assertThrows(GendictException.class, () -> l.coefficients(new Codes(new DMatrixRMaj(2, RANK), new int[2 * RANK]), out));
        DMatrixRMaj bad = data(3, 8);
        bad.data[4] = Double.NaN;
        assertThrows(GendictException.class, () -> l.fit(bad));
        assertThrows(GendictException.class, () -> l.fit(new DMatrixRMaj(0, M)));
        PcaProvider p = new PcaProvider();
        assertThrows(GendictException.class, () -> p.create(p.parameters().validate("pca", Map.of("rank", M + 1)),
                new LearnerContext(M, null, null, 1, 1)));
    }
}
