package io.gendict.core.param;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComponentSpecTest {
    @Test
    void parsesNameAndKeyValuePairs() {
        ComponentSpec spec = ComponentSpec.parse(" group-sparsity : n=300 , k = 10,p=0.6 ");
        assertEquals("group-sparsity", spec.name());
        assertEquals(Map.of("n", "300", "k", "10", "p", "0.6"), spec.raw());
        assertEquals(List.of("n", "k", "p"), List.copyOf(spec.raw().keySet()));
    }

    @Test
    void aBareNameHasNoParameters() {
        assertEquals(new ComponentSpec("mod", Map.of()), ComponentSpec.parse("mod"));
        assertEquals(new ComponentSpec("mod", Map.of()), ComponentSpec.parse("mod:"));
    }

    @Test
    void listValuesContinueOverCommas() {
        ComponentSpec spec = ComponentSpec.parse("relu-net:widths=10,60,300,seed=3");
        assertEquals("relu-net", spec.name());
        assertEquals(Map.of("widths", "10,60,300", "seed", "3"), spec.raw());
    }

    @Test
    void jsonWithTopLevelParameters() {
        ComponentSpec spec = ComponentSpec.parse("{\"name\": \"relu-net\", \"widths\": [10, 60], \"seed\": 3, "
                + "\"lr\": 0.5, \"bias\": true, \"init\": \"he\"}");
        assertEquals("relu-net", spec.name());
        assertEquals(Map.of("widths", List.of(10L, 60L), "seed", 3L, "lr", 0.5, "bias", true, "init", "he"),
                spec.raw());
    }

    @Test
    void jsonWithAParamsObject() {
        ComponentSpec spec = ComponentSpec.parse("{\"name\": \"adam\", \"params\": {\"steps\": 100, \"lr\": 1e-2}}");
        assertEquals(new ComponentSpec("adam", Map.of("steps", 100L, "lr", 0.01)), spec);
    }

    @Test
    void malformedSpecsNameTheProblem() {
        assertMalformed(":k=1", "no name before ':'");
        assertMalformed("x:abc", "'abc' is not key=value");
        assertMalformed("x:=3", "empty key in '=3'");
        assertMalformed("x:k=1,k=2", "key 'k' given twice");
        assertMalformed("{\"name\":", "not a JSON object");
        assertMalformed("{\"k\": 1}", "JSON spec needs a string field 'name'");
        assertMalformed("{\"name\": \"a\", \"params\": 3}", "'params' must be a JSON object");
        assertMalformed("{\"name\": \"a\", \"k\": {\"x\": 1}}", "value of 'k' must be a number, string, boolean or array");
    }

    private static void assertMalformed(String text, String why) {
        GendictException e = assertThrows(GendictException.class, () -> ComponentSpec.parse(text));
        assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
        assertTrue(e.getMessage().startsWith("malformed spec '" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().endsWith(why), e.getMessage());
    }
}
