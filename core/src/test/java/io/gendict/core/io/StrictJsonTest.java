package io.gendict.core.io;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictJsonTest {
    private record Point(double x, double y, String label) {
    }

    private record Curve(String name, double[] values, List<Point> points) {
    }

    /** Parses as RFC 8259 JSON: a bare NaN or Infinity fails. */
    private static JsonObject parse(String json) {
        return new GsonBuilder().setStrictness(Strictness.STRICT).create().fromJson(json, JsonObject.class);
    }

    @Test
    void nonFiniteNumbersBecomeNullAndAreNamedInTheirObject() {
        Curve c = new Curve("c", new double[] {1.5, Double.POSITIVE_INFINITY, Double.NaN},
                List.of(new Point(Double.NEGATIVE_INFINITY, 2, "p"), new Point(3, 4, "q")));
        String text = StrictJson.toJson(c);
        assertFalse(Pattern.compile("(?m)^\\s*(\"[^\"]*\":\\s*)?-?(NaN|Infinity),?$").matcher(text).find(),
                "no bare non-finite token: " + text);
        JsonObject json = parse(text);
        assertEquals(1.5, json.getAsJsonArray("values").get(0).getAsDouble());
        assertTrue(json.getAsJsonArray("values").get(1).isJsonNull());
        assertTrue(json.getAsJsonArray("values").get(2).isJsonNull());
        assertEquals(Map.of("values[1]", "Infinity", "values[2]", "NaN"), flags(json));
        JsonObject first = json.getAsJsonArray("points").get(0).getAsJsonObject();
        assertTrue(first.get("x").isJsonNull());
        assertEquals(2.0, first.get("y").getAsDouble());
        assertEquals(Map.of("x", "-Infinity"), flags(first));
        assertFalse(json.getAsJsonArray("points").get(1).getAsJsonObject().has(StrictJson.FLAG));
    }

    @Test
    void finiteValuesAreWrittenAsGsonWritesThem() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 0.25);
        m.put("b", "x<y");
        m.put("c", List.of(1, 2));
        assertEquals("{\n  \"a\": 0.25,\n  \"b\": \"x<y\",\n  \"c\": [\n    1,\n    2\n  ]\n}", StrictJson.toJson(m));
    }

    private static Map<String, String> flags(JsonObject o) {
        Map<String, String> out = new LinkedHashMap<>();
        o.getAsJsonObject(StrictJson.FLAG).entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
        return out;
    }
}
