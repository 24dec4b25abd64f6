package io.gendict.core.learn;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerativeMethodsTest {

    @Test
    void namesThePresets() {
        assertEquals(List.of("altmin", "algorithm1", "autodiff", "fast", "feature-als", "amortized"), List.copyOf(GenerativeMethods.names()));
        assertEquals("adam", GenerativeMethods.oracleSpec("altmin", new LinearTestPrior(2)));
    }

    @Test
    void unknownMethodIsAOneLineError() {
        GendictException e = assertThrows(GendictException.class,
                () -> GenerativeMethods.oracleSpec("fastest", new LinearTestPrior(2)));
        assertEquals(ErrorKind.UNKNOWN_NAME, e.kind());
        assertTrue(e.getMessage().contains("fastest") && e.getMessage().contains("altmin"), e.getMessage());
    }

    @Test
    void onlyAmortizedTakesParametersAndTheyAreValidated() {
        assertEquals("amortized:iterations=0,anchor=true", GenerativeMethods.params("Amortized:iterations=0").toSpecString());
        assertEquals("gauss-newton:iterations=5", GenerativeMethods.oracleSpec("amortized:iterations=5", new LinearTestPrior(2)));
        assertEquals("fast", GenerativeMethods.params("fast").toSpecString());
        assertEquals("gauss-newton:iterations=20", GenerativeMethods.oracleSpec("amortized:anchor=false", new LinearTestPrior(2)));
        GendictException none = assertThrows(GendictException.class, () -> GenerativeMethods.params("fast:starts=3"));
        assertEquals("fast: unknown parameter 'starts' (it takes none)", none.getMessage());
        GendictException bad = assertThrows(GendictException.class, () -> GenerativeMethods.params("amortized:anchor=maybe"));
        assertEquals(ErrorKind.INVALID_PARAMETER, bad.kind());
        assertTrue(bad.getMessage().contains("anchor"), bad.getMessage());
    }
}
