package io.gendict.core.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.List;
import java.util.Map;

/**
 * Pretty-printed JSON that strict parsers (RFC 8259) accept although the value holds NaN or ±∞: each
 * non-finite number is written as {@code null}, and the JSON object holding it gains a member
 * {@value #FLAG} that maps the member's name (with {@code [i]} per array level for numbers inside
 * arrays) to {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}. Example:
 * {@code {"rate": null, "floor": 0.1, "nonFinite": {"rate": "NaN"}}}. Objects without non-finite
 * numbers are written unchanged.
 *
 * @since 0.1
 */
public final class StrictJson {
    /** The member that names an object's non-finite numbers. */
    public static final String FLAG = "nonFinite";

    private static final Gson TREE = new GsonBuilder().serializeSpecialFloatingPointValues().create();
    private static final Gson PRINTER = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .create();

    private StrictJson() {
    }

    /**
     * @param value any object Gson can serialize (records, maps, lists, numbers)
     * @return its pretty-printed JSON with non-finite numbers as {@code null} plus the {@value #FLAG} member
     */
    public static String toJson(Object value) {
        return PRINTER.toJson(strict(TREE.toJsonTree(value)));
    }

    private static JsonElement strict(JsonElement e) {
        if (e instanceof JsonObject o) {
            JsonObject out = new JsonObject();
            JsonObject flags = new JsonObject();
            for (Map.Entry<String, JsonElement> m : o.entrySet()) {
                out.add(m.getKey(), strictMember(m.getKey(), m.getValue(), flags));
            }
            if (!flags.isEmpty()) {
                out.add(FLAG, flags);
            }
            return out;
        }
        if (e instanceof JsonArray a) {
            JsonArray out = new JsonArray(a.size());
            a.forEach(x -> out.add(strict(x)));
            return out;
        }
        return e;
    }

    /** The member's value made strict; its non-finite numbers (also inside arrays) are recorded in flags. */
    private static JsonElement strictMember(String name, JsonElement value, JsonObject flags) {
        String kind = nonFinite(value);
        if (kind != null) {
            flags.addProperty(name, kind);
            return JsonNull.INSTANCE;
        }
        if (value instanceof JsonArray a) {
            JsonArray out = new JsonArray(a.size());
            List<JsonElement> items = a.asList();
            for (int i = 0; i < items.size(); i++) {
                out.add(strictMember(name + "[" + i + "]", items.get(i), flags));
            }
            return out;
        }
        return strict(value);
    }

    /**
     * Reads back a number as {@link #toJson} wrote it, and as older writers did (a bare {@code NaN}
     * or {@code Infinity}, which a lenient parser reads as a number).
     *
     * @param holder the object holding the member (its {@value #FLAG} member names non-finite values)
     * @param name   the member's name, with {@code [i]} per array level as in {@value #FLAG}
     * @param value  the member's value
     * @return the number, or the non-finite value {@value #FLAG} names for a {@code null}
     * @throws IllegalStateException for a {@code null} that {@value #FLAG} does not name, or a non-number
     */
    public static double number(JsonObject holder, String name, JsonElement value) {
        if (value == null || value.isJsonNull()) {
            JsonElement flag = holder.has(FLAG) ? holder.getAsJsonObject(FLAG).get(name) : null;
            if (flag == null) {
                throw new IllegalStateException(name + " is null and " + FLAG + " does not name it");
            }
            double v = Double.parseDouble(flag.getAsString());
            if (Double.isFinite(v)) {
                throw new IllegalStateException(FLAG + " names " + name + " as " + flag + ", not NaN or ±Infinity");
            }
            return v;
        }
        return value.getAsDouble();
    }

    /** @return "NaN", "Infinity" or "-Infinity" for a non-finite number, else null */
    private static String nonFinite(JsonElement e) {
        if (e instanceof JsonPrimitive p && p.isNumber()) {
            double v = p.getAsDouble();
            if (!Double.isFinite(v)) {
                return Double.toString(v);
            }
        }
        return null;
    }
}
