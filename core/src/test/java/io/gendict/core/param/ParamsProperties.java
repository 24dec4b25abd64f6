package io.gendict.core.param;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/** {@link Params#toSpecString()} recreates the same typed values when parsed and validated again. */
class ParamsProperties {
    private static final ParamSpec SPEC = ParamSpec.builder()
            .intParam("k", 1, Integer.MIN_VALUE, Integer.MAX_VALUE, "any int")
            .doubleParam("lr", 0.1, Double.NaN, Double.NaN, "any double")
            .longParam("seed", 0L, "any long")
            .boolParam("bias", false, "flag")
            .stringParam("mode", "a", List.of("a", "b-c"), "choice")
            .intListParam("widths", new int[] {1}, Integer.MIN_VALUE, Integer.MAX_VALUE, "ints")
            .doubleListParam("w", new double[] {0}, Double.NaN, Double.NaN, "doubles")
            .build();

    @Test
    void specStringRoundTrips() {
        qt().withFixedSeed(20261128L).withExamples(300)
                .forAll(integers().all(), longs().all(),
                        lists().of(integers().all()).ofSizeBetween(1, 5), lists().of(doubles().any()).ofSizeBetween(1, 5))
                .assuming((k, seed, widths, w) -> w.stream().allMatch(Double::isFinite))
                .checkAssert((k, seed, widths, w) -> {
                    double lr = w.get(0);
                    String text = "net:k=" + k + ",lr=" + lr + ",seed=" + seed + ",bias=" + (k % 2 == 0)
                            + ",mode=" + (k % 3 == 0 ? "a" : "b-c")
                            + ",widths=" + join(widths) + ",w=" + join(w);
                    Params p = SPEC.validate("net", ComponentSpec.parse(text).raw());
                    Params again = SPEC.validate("net", ComponentSpec.parse(p.toSpecString()).raw());
                    assertEquals(p.toSpecString(), again.toSpecString());
                    assertEquals(k, again.getInt("k"));
                    assertEquals(lr, again.getDouble("lr"));
                    assertEquals(seed, again.getLong("seed"));
                    assertEquals(k % 2 == 0, again.getBoolean("bias"));
                    assertArrayEquals(widths.stream().mapToInt(Integer::intValue).toArray(), again.getIntList("widths"));
                    assertArrayEquals(w.stream().mapToDouble(Double::doubleValue).toArray(), again.getDoubleList("w"));
                });
    }

    @Test
    void aProviderWithoutParametersIsJustItsName() {
        assertEquals("mod", ParamSpec.empty().validate("mod", java.util.Map.of()).toSpecString());
    }

    private static String join(List<?> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
