package io.gendict.core.eval;

import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReconstructionErrorTest {

    @Test
    void isTheMeanOfNormsNotOfSquares() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}});
        DMatrixRMaj xHat = new DMatrixRMaj(new double[][] {{3, 4}, {0, 0}});
        DMatrixRMaj clean = new DMatrixRMaj(new double[][] {{0, 0}, {0, 2}});
        assertEquals((5.0 + 2.0) / 2, ReconstructionError.ofCoefficients(a, xHat, clean), 1e-15);
    }

    @Test
    void appliesTheDictionary() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{2, 0, 1}, {0, 1, 0}});
        DMatrixRMaj xHat = new DMatrixRMaj(new double[][] {{1, 1, 1}});
        DMatrixRMaj clean = new DMatrixRMaj(new double[][] {{3, 1}});
        assertEquals(0.0, ReconstructionError.ofCoefficients(a, xHat, clean), 1e-15);
    }

    @Test
    void rejectsMismatchedShapes() {
        DMatrixRMaj a = new DMatrixRMaj(2, 3);
        assertThrows(GendictException.class,
                () -> ReconstructionError.ofCoefficients(a, new DMatrixRMaj(1, 2), new DMatrixRMaj(1, 2)));
        assertThrows(GendictException.class,
                () -> ReconstructionError.meanRowDistance(new DMatrixRMaj(2, 2), new DMatrixRMaj(3, 2)));
    }
}
