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
}
