package io.gendict.core.data;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.spi.GenerativePrior;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticSourceTest {
    private static final GenerativePrior SQUARES = SquaresTestPrior.INSTANCE;

    @Test
    void batchesHaveThePapersShapesAndStructure() {
        SyntheticSource source = SyntheticSource.builder(SQUARES, 5, 1).build();
        Batch b = source.next(7);
        assertEquals(7, b.size());
        assertShape(b.y(), 7, 5);
        assertShape(b.z(), 7, 2);
        assertShape(b.x(), 7, 4);
        assertShape(b.clean(), 7, 5);
        DMatrixRMaj x = new DMatrixRMaj(7, 4);
        SQUARES.forward(b.z(), x);
        assertArrayEquals(x.data, b.x().data);
        DMatrixRMaj expected = new DMatrixRMaj(7, 5);
        CommonOps_DDRM.multTransB(b.x(), source.trueDictionary(), expected);
        for (int i = 0; i < expected.data.length; i++) {
            assertEquals(expected.data[i], b.clean().data[i], 1e-12);
        }
    }

    @Test
    void dictionariesAreUniformAndDistinct() {
        SyntheticSource source = SyntheticSource.builder(SQUARES, 300, 2).build();
        DMatrixRMaj a = source.trueDictionary();
        DMatrixRMaj a0 = source.initialDictionary();
        assertShape(a, 300, 4);
        assertShape(a0, 300, 4);
        assertTrue(CommonOps_DDRM.elementMin(a) >= 0 && CommonOps_DDRM.elementMax(a) < 1);
        assertEquals(0.5, CommonOps_DDRM.elementSum(a) / a.getNumElements(), 0.03);
        assertFalse(Arrays.equals(a.data, a0.data));
        DMatrixRMaj unit = SyntheticSource.builder(SQUARES, 300, 2).normalizeColumns(true).build().trueDictionary();
        for (int j = 0; j < 4; j++) {
            double norm = 0;
            for (int i = 0; i < 300; i++) {
                norm += unit.get(i, j) * unit.get(i, j);
            }
            assertEquals(1, norm, 1e-12);
            assertEquals(a.get(0, j) / a.get(1, j), unit.get(0, j) / unit.get(1, j), 1e-12);
        }
    }

    @Test
    void noiseHasTheRequestedStandardDeviation() {
        for (double sigma : new double[]{0, 0.1, 2}) {
            Batch b = SyntheticSource.builder(SQUARES, 50, 3).sigma(sigma).build().next(400);
            double sum = 0;
            double sumSq = 0;
            int n = b.y().getNumElements();
            for (int i = 0; i < n; i++) {
                double e = b.y().data[i] - b.clean().data[i];
                sum += e;
                sumSq += e * e;
            }
            double mean = sum / n;
            double sd = Math.sqrt(sumSq / n - mean * mean);
            assertEquals(sigma, sd, 0.02 * sigma + 1e-15, "sigma " + sigma);
            assertEquals(0, mean, 0.02 * sigma + 1e-15, "sigma " + sigma);
        }
    }

    @Test
    void reproducibleFromTheSeedAndFreshOnEveryCall() {
        SyntheticSource s1 = SyntheticSource.builder(SQUARES, 6, 42).build();
        SyntheticSource s2 = SyntheticSource.builder(SQUARES, 6, 42).build();
        Batch first = s1.next(5);
        Batch second = s1.next(5);
        assertFalse(Arrays.equals(first.z().data, second.z().data));
        assertFalse(Arrays.equals(first.y().data, second.y().data));
        assertArrayEquals(first.y().data, s2.next(5).y().data);
        assertArrayEquals(second.z().data, s2.next(5).z().data);
        assertArrayEquals(s1.initialDictionary().data, s2.initialDictionary().data);
        SyntheticSource other = SyntheticSource.builder(SQUARES, 6, 43).build();
        assertFalse(Arrays.equals(s1.trueDictionary().data, other.trueDictionary().data));
    }

    @Test
    void givenDictionaryIsUsedAndLeavesTheOtherStreamsUnchanged() {
        DMatrixRMaj given = new DMatrixRMaj(3, 4);
        CommonOps_DDRM.fill(given, 2);
        SyntheticSource drawn = SyntheticSource.builder(SQUARES, 3, 9).build();
        SyntheticSource fixed = SyntheticSource.builder(SQUARES, 3, 9).dictionary(given).build();
        given.set(0, 0, 99);
        assertEquals(2, fixed.trueDictionary().get(0, 0));
        assertArrayEquals(drawn.initialDictionary().data, fixed.initialDictionary().data);
        Batch a = drawn.next(4);
        Batch b = fixed.next(4);
        assertArrayEquals(a.z().data, b.z().data);
        for (int i = 0; i < a.y().data.length; i++) {
            assertEquals(a.y().data[i] - a.clean().data[i], b.y().data[i] - b.clean().data[i], 1e-12);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertEquals(ErrorKind.INVALID_PARAMETER, assertThrows(GendictException.class,
                () -> SyntheticSource.builder(SQUARES, 0, 1)).kind());
        SyntheticSource.Builder b = SyntheticSource.builder(SQUARES, 3, 1);
        assertThrows(GendictException.class, () -> b.sigma(-1));
        assertThrows(GendictException.class, () -> b.sigma(Double.NaN));
        assertEquals(ErrorKind.INVALID_INPUT, assertThrows(GendictException.class,
                () -> b.dictionary(new DMatrixRMaj(3, 5))).kind());
        DMatrixRMaj nan = new DMatrixRMaj(3, 4);
        nan.set(1, 1, Double.NaN);
        assertThrows(GendictException.class, () -> b.dictionary(nan));
        assertThrows(GendictException.class, () -> b.build().next(0));
    }

    private static void assertShape(DMatrixRMaj m, int rows, int cols) {
        assertEquals(rows, m.numRows);
        assertEquals(cols, m.numCols);
    }
}
