package io.gendict.core.param;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParamSpecTest {
    private static final ParamSpec SPEC = ParamSpec.builder()
            .intParam("k", 10, 1, 1000, "latent dimension")
            .doubleParam("p", 0.6, 0, 1, "Bernoulli probability")
            .longParam("seed", 7L, "seed of M")
            .boolParam("bias", false, "add a bias")
            .stringParam("mode", "fast", List.of("fast", "exact"), "algorithm")
            .intListParam("widths", new int[] {10, 20}, 1, 100_000, "layer widths")
            .doubleListParam("weights", null, Double.NaN, Double.NaN, "mixing weights")
            .build();

    @Test
    void fillsDefaultsAndConvertsTypes() {
        Params p = SPEC.validate("net", Map.of("weights", "0.5,-1.5", "k", "3"));
        assertEquals("net", p.provider());
        assertEquals(3, p.getInt("k"));
        assertEquals(0.6, p.getDouble("p"));
        assertEquals(7L, p.getLong("seed"));
        assertFalse(p.getBoolean("bias"));
        assertEquals("fast", p.getString("mode"));
        assertArrayEquals(new int[] {10, 20}, p.getIntList("widths"));
        assertArrayEquals(new double[] {0.5, -1.5}, p.getDoubleList("weights"));
        assertEquals(java.util.List.of("k", "p", "seed", "bias", "mode", "widths", "weights"), java.util.List.copyOf(p.values().keySet()), "declaration order");
    }

    @Test
    void acceptsTypedJsonValues() {
        Params p = SPEC.validate("net", ComponentSpec.parse("{\"name\": \"net\", \"k\": 4, \"p\": 1, \"bias\": true, "
                + "\"widths\": [3, 5], \"weights\": [1, 2.5], \"seed\": 12345678901}").raw());
        assertEquals(4, p.getInt("k"));
        assertEquals(1.0, p.getDouble("p"));
        assertTrue(p.getBoolean("bias"));
        assertEquals(12_345_678_901L, p.getLong("seed"));
        assertArrayEquals(new int[] {3, 5}, p.getIntList("widths"));
        assertArrayEquals(new double[] {1, 2.5}, p.getDoubleList("weights"));
    }

    @Test
    void rejectsUnknownKeys() {
        assertRejected(Map.of("q", "1", "weights", "1"),
                "net: unknown parameter 'q'; known: k, p, seed, bias, mode, widths, weights");
        GendictException none = assertThrows(GendictException.class,
                () -> ParamSpec.empty().validate("mod", Map.of("k", "1")));
        assertEquals("mod: unknown parameter 'k' (it takes none)", none.getMessage());
    }

    @Test
    void rejectsWrongTypes() {
        assertRejected(Map.of("k", "abc", "weights", "1"), "net: parameter 'k' is 'abc', expected an integer");
        assertRejected(Map.of("k", 1.5, "weights", "1"), "net: parameter 'k' is '1.5', expected an integer");
        assertRejected(Map.of("p", "x", "weights", "1"), "net: parameter 'p' is 'x', expected a number");
        assertRejected(Map.of("p", "NaN", "weights", "1"), "net: parameter 'p' is 'NaN', expected a finite number");
        assertRejected(Map.of("bias", "yes", "weights", "1"), "net: parameter 'bias' is 'yes', expected true or false");
        assertRejected(Map.of("mode", "slow", "weights", "1"), "net: parameter 'mode' is 'slow', expected one of fast, exact");
        assertRejected(Map.of("widths", "10,x", "weights", "1"), "net: parameter 'widths' is 'x', expected an integer");
        assertRejected(Map.of("weights", ""), "net: parameter 'weights' is '', expected a non-empty list");
        assertRejected(Map.of("k", "3000000000", "weights", "1"),
                "net: parameter 'k' is '3000000000', expected an integer in [-2147483648, 2147483647]");
    }

    @Test
    void rejectsValuesOutOfRange() {
        assertRejected(Map.of("k", "0", "weights", "1"), "net: parameter 'k' is 0, out of range [1, 1000]");
        assertRejected(Map.of("p", "1.5", "weights", "1"), "net: parameter 'p' is 1.5, out of range [0, 1]");
        assertRejected(Map.of("widths", "5,0", "weights", "1"), "net: parameter 'widths' is 0, out of range [1, 100000]");
    }

    @Test
    void rejectsAMissingRequiredParameter() {
        assertRejected(Map.of(), "net: missing required parameter 'weights' (mixing weights)");
    }

    @Test
    void describesItsDefinitions() {
        List<ParamDef> defs = SPEC.definitions();
        assertEquals(7, defs.size());
        assertEquals("[1, 1000]", defs.get(0).rangeText());
        assertEquals("10", defs.get(0).defaultText());
        assertEquals("fast|exact", defs.get(4).rangeText());
        assertEquals("10,20", defs.get(5).defaultText());
        assertEquals("", defs.get(6).rangeText());
        assertEquals("(required)", defs.get(6).defaultText());
        assertTrue(defs.get(6).required());
        assertThrows(IllegalArgumentException.class,
                () -> ParamSpec.builder().boolParam("a", true, "x").boolParam("a", false, "y"));
    }

    private static void assertRejected(Map<String, ?> raw, String message) {
        GendictException e = assertThrows(GendictException.class, () -> SPEC.validate("net", raw));
        assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
        assertEquals(message, e.getMessage());
    }
}
