package io.gendict.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.kernel.Reference;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The checked entry points: results equal EJML's, outputs are allocated or reshaped, bad shapes are named. */
class LinalgTest {
    private final SplittableRandom rng = new SplittableRandom(31);

    @Test
    void productsMatchEjml() {
        DMatrixRMaj a = Reference.random(13, 31, rng);
        DMatrixRMaj b = Reference.random(31, 9, rng);
        DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
        DMatrixRMaj bt = CommonOps_DDRM.transpose(b, null);
        DMatrixRMaj expected = new DMatrixRMaj(13, 9);
        CommonOps_DDRM.mult(a, b, expected);
        assertClose(expected, Linalg.mult(a, b, null));
        assertClose(expected, Linalg.multTransA(at, b, null));
        assertClose(expected, Linalg.multTransB(a, bt, null));
        assertClose(expected, Linalg.multTransAB(at, bt, null));
    }

    @Test
    void outputIsReusedAndReshaped() {
        DMatrixRMaj a = Reference.random(7, 5, rng);
        DMatrixRMaj b = Reference.random(5, 3, rng);
        DMatrixRMaj out = new DMatrixRMaj(30, 30);
        Arrays.fill(out.data, Double.NaN);
        assertSame(out, Linalg.mult(a, b, out));
        assertEquals(7, out.numRows);
        assertEquals(3, out.numCols);
        DMatrixRMaj expected = new DMatrixRMaj(7, 3);
        CommonOps_DDRM.mult(a, b, expected);
        assertClose(expected, out);
    }

    @Test
    void gemmAccumulatesAndGemvMatchesGemm() {
        DMatrixRMaj a = Reference.random(8, 17, rng);
        DMatrixRMaj b = Reference.random(9, 17, rng);
        DMatrixRMaj c = Reference.random(8, 9, rng);
        DMatrixRMaj expected = Reference.gemm(false, true, 2.0, a, b, -1.0, c);
        Linalg.gemm(false, true, 2.0, a, b, -1.0, c);
        assertClose(expected, c);

        DMatrixRMaj x = Reference.random(8, 1, rng);
        double[] y = new double[17];
        Linalg.gemv(true, 1.0, a, x.data, 0.0, y);
        DMatrixRMaj yExpected = Linalg.multTransA(a, x, null);
        assertArrayEquals(yExpected.data, y, 1e-13);
    }

    @Test
    void mismatchedShapesAreNamed() {
        DMatrixRMaj a = new DMatrixRMaj(3, 4);
        DMatrixRMaj b = new DMatrixRMaj(5, 6);
        assertMessage("A·B: inner dimensions differ, op(A) is 3×4, op(B) is 5×6", () -> Linalg.mult(a, b, null));
        assertMessage("Aᵀ·B: inner dimensions differ, op(A) is 4×3, op(B) is 5×6",
                () -> Linalg.multTransA(a, b, null));
        assertMessage("C of gemm: expected 3×6, got 3×5",
                () -> Linalg.gemm(false, false, 1, a, new DMatrixRMaj(4, 6), 0, new DMatrixRMaj(3, 5)));
        assertMessage("gemv: op(A) is 3×4, expected x of length ≥ 4 and y of length ≥ 3, got 3 and 3",
                () -> Linalg.gemv(false, 1, a, new double[3], 0, new double[3]));
    }

    @Test
    void aliasedOutputsAreRejected() {
        DMatrixRMaj a = Reference.random(4, 4, rng);
        DMatrixRMaj b = Reference.random(4, 4, rng);
        assertMessage("output 4×4 must not alias an input", () -> Linalg.mult(a, b, a));
        DMatrixRMaj view = new DMatrixRMaj(4, 4);
        view.data = b.data;
        assertMessage("output 4×4 must not alias an input", () -> Linalg.gemm(false, false, 1, a, b, 0, view));
        double[] x = new double[4];
        assertMessage("gemv: y must not alias x or A", () -> Linalg.gemv(false, 1, a, x, 0, x));
    }

    private static void assertMessage(String message, Executable call) {
        GendictException e = assertThrows(GendictException.class, call);
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertEquals(message, e.getMessage());
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual) {
        assertTrue(Reference.relativeError(actual, expected) < 1e-12);
    }
}
