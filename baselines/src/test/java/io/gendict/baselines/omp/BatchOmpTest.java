package io.gendict.baselines.omp;

import io.gendict.core.kernel.Workers;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.spi.Codes;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchOmpTest {
    private final SplittableRandom rng = new SplittableRandom(5);

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        DMatrixRMaj d = Synthetic.dictionary(30, 80, rng);
        DMatrixRMaj y = Synthetic.signals(d, Synthetic.sparseCodes(300, 80, 6, 0, 0, rng));
        BatchOmp omp = new BatchOmp(d);
        double[] r1 = new double[300];
        double[] r3 = new double[300];
        Codes one = omp.encode(y, 8, 0, new Workers(1), r1);
        Codes three = omp.encode(y, 8, 0, new Workers(3), r3);
        assertArrayEquals(one.indices(), three.indices());
        assertArrayEquals(one.values().data, three.values().data);
        assertArrayEquals(r1, r3);
    }

    @Test
    void residualsMatchReconstruction() {
        DMatrixRMaj d = Synthetic.dictionary(20, 40, rng);
        DMatrixRMaj y = Synthetic.signals(d, Synthetic.sparseCodes(50, 40, 8, 0, 0, rng));
        double[] res = new double[50];
        Codes codes = new BatchOmp(d).encode(y, 3, 0, new Workers(1), res);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        SparseCodes.scatter(codes, 40, x);
        DMatrixRMaj r = y.copy();
        CommonOps_DDRM.multAddTransB(-1, x, d, r);
        for (int b = 0; b < 50; b++) {
            double s = 0;
            for (int i = 0; i < 20; i++) {
                s += r.get(b, i) * r.get(b, i);
            }
            assertEquals(s, res[b], 1e-9 * (1 + s));
        }
    }

    @Test
    void toleranceStopsAtTheResidualTarget() {
        DMatrixRMaj d = Synthetic.dictionary(20, 40, rng);
        DMatrixRMaj y = Synthetic.signals(d, Synthetic.sparseCodes(50, 40, 10, 0, 0, rng));
        double[] res = new double[50];
        Codes codes = new BatchOmp(d).encode(y, 20, 0.5, new Workers(1), res);
        for (int b = 0; b < 50; b++) {
            assertTrue(res[b] <= 0.25 + 1e-12, "residual " + res[b]);
            int used = SparseCodes.support(codes, b);
            double[] r = new double[1];
            new BatchOmp(d).encode(CommonOps_DDRM.extractRow(y, b, null), Math.max(1, used - 1), 0, new Workers(1), r);
            assertTrue(used == 1 || r[0] > 0.25, "stopped late: " + used + " atoms, one fewer gives " + r[0]);
        }
    }

    @Test
    void zeroSignalsGetEmptyCodes() {
        DMatrixRMaj d = Synthetic.dictionary(10, 20, rng);
        double[] res = new double[4];
        Codes codes = new BatchOmp(d).encode(new DMatrixRMaj(4, 10), 3, 0, new Workers(1), res);
        for (int i = 0; i < 12; i++) {
            assertEquals(-1, codes.indices()[i]);
            assertEquals(0.0, codes.values().data[i]);
        }
        assertArrayEquals(new double[4], res);
    }

    /** Documented: K larger than m is allowed; the support stops at an exact representation (≤ m atoms). */
    @Test
    void sparsityAboveDimensionStopsAtExactRepresentation() {
        DMatrixRMaj d = Synthetic.dictionary(6, 30, rng);
        DMatrixRMaj y = Synthetic.signals(d, Synthetic.sparseCodes(40, 30, 20, 0, 0, rng));
        double[] res = new double[40];
        Codes codes = new BatchOmp(d).encode(y, 25, 0, new Workers(2), res);
        for (int b = 0; b < 40; b++) {
            assertTrue(SparseCodes.support(codes, b) <= 6);
            double yy = CommonOps_DDRM.dot(CommonOps_DDRM.extractRow(y, b, null), CommonOps_DDRM.extractRow(y, b, null));
            assertTrue(res[b] <= 1e-12 * yy, "residual " + res[b]);
        }
        for (double v : codes.values().data) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void atomNormsDoNotBiasSelection() {
        DMatrixRMaj d = Synthetic.dictionary(30, 60, rng);
        DMatrixRMaj y = Synthetic.signals(d, Synthetic.sparseCodes(30, 60, 3, 1, 2, rng));
        DMatrixRMaj scaled = d.copy();
        for (int j = 0; j < 60; j++) {
            double s = j % 3 == 0 ? 0.01 : 1 + j;
            for (int i = 0; i < 30; i++) {
                scaled.set(i, j, d.get(i, j) * s);
            }
        }
        assertArrayEquals(BatchOmp.encode(d, y, 3, 0).indices(), BatchOmp.encode(scaled, y, 3, 0).indices());
    }

    @Test
    void zeroAtomsAreNeverChosen() {
        DMatrixRMaj d = Synthetic.dictionary(8, 10, rng);
        for (int i = 0; i < 8; i++) {
            d.set(i, 4, 0);
        }
        Codes codes = BatchOmp.encode(d, Synthetic.signals(Synthetic.dictionary(8, 3, rng), Synthetic.sparseCodes(20, 3, 3, 0, 0, rng)), 9, 0);
        for (int j : codes.indices()) {
            assertTrue(j != 4);
        }
    }

    @Test
    void badArgumentsFailClearly() {
        DMatrixRMaj d = Synthetic.dictionary(8, 10, rng);
        DMatrixRMaj y = new DMatrixRMaj(3, 8);
        assertEquals(ErrorKind.INVALID_PARAMETER, assertThrows(GendictException.class, () -> BatchOmp.encode(d, y, 11, 0)).kind());
        assertEquals(ErrorKind.INVALID_PARAMETER, assertThrows(GendictException.class, () -> BatchOmp.encode(d, y, 0, 0)).kind());
        assertEquals(ErrorKind.INVALID_PARAMETER, assertThrows(GendictException.class, () -> BatchOmp.encode(d, y, 2, -1)).kind());
        assertEquals(ErrorKind.INVALID_INPUT, assertThrows(GendictException.class, () -> BatchOmp.encode(d, new DMatrixRMaj(3, 7), 2, 0)).kind());
        y.set(1, 1, Double.NaN);
        assertEquals(ErrorKind.INVALID_INPUT, assertThrows(GendictException.class, () -> BatchOmp.encode(d, y, 2, 0)).kind());
    }

    @Test
    void scatterRejectsBadIndices() {
        Codes bad = new Codes(new DMatrixRMaj(1, 2), new int[]{0, 7});
        assertThrows(GendictException.class, () -> SparseCodes.scatter(bad, 5, new DMatrixRMaj(1, 5)));
        assertThrows(GendictException.class, () -> SparseCodes.scatter(new Codes(new DMatrixRMaj(1, 2), null), 5, new DMatrixRMaj(1, 5)));
    }
}
