package io.gendict.core.param;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A provider name plus raw, not yet validated parameter values, parsed from
 * {@code name:key=value,key=value} or from JSON {@code {"name": "...", "key": value, ...}}.
 * A list value in spec text continues over commas: {@code relu-net:widths=10,60,300,seed=3}.
 *
 * @param name the provider name
 * @param raw  key to raw value (String from spec text; String, Number, Boolean or List from JSON)
 * @since 0.1
 */
public record ComponentSpec(String name, Map<String, Object> raw) {

    /** Copies the map. */
    public ComponentSpec {
        raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
    }

    /**
     * Parses spec text or JSON (text starting with '{').
     *
     * @param text the spec
     * @return the parsed spec
     * @throws GendictException INVALID_PARAMETER when the text is malformed
     */
    public static ComponentSpec parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.startsWith("{")) {
            return parseJson(t);
        }
        int colon = t.indexOf(':');
        String name = (colon < 0 ? t : t.substring(0, colon)).trim();
        if (name.isEmpty()) {
            throw malformed(text, "no name before ':'");
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        if (colon >= 0 && colon < t.length() - 1) {
            String lastKey = null;
            for (String token : t.substring(colon + 1).split(",")) {
                int eq = token.indexOf('=');
                if (eq < 0) {
                    if (lastKey == null) {
                        throw malformed(text, "'" + token.trim() + "' is not key=value");
                    }
                    raw.put(lastKey, raw.get(lastKey) + "," + token.trim());
                    continue;
                }
                String key = token.substring(0, eq).trim();
                if (key.isEmpty()) {
                    throw malformed(text, "empty key in '" + token.trim() + "'");
                }
                if (raw.containsKey(key)) {
                    throw malformed(text, "key '" + key + "' given twice");
                }
                raw.put(key, token.substring(eq + 1).trim());
                lastKey = key;
            }
        }
        return new ComponentSpec(name, raw);
    }

    private static ComponentSpec parseJson(String text) {
        JsonObject obj;
        try {
            obj = JsonParser.parseString(text).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw malformed(text, "not a JSON object");
        }
        JsonElement nameEl = obj.get("name");
        if (nameEl == null || !nameEl.isJsonPrimitive()) {
            throw malformed(text, "JSON spec needs a string field 'name'");
        }
        JsonElement params = obj.has("params") ? obj.get("params") : obj;
        if (!params.isJsonObject()) {
            throw malformed(text, "'params' must be a JSON object");
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : params.getAsJsonObject().entrySet()) {
            if (params == obj && (e.getKey().equals("name") || e.getKey().equals("params"))) {
                continue;
            }
            raw.put(e.getKey(), toValue(text, e.getKey(), e.getValue()));
        }
        return new ComponentSpec(nameEl.getAsString(), raw);
    }

    private static Object toValue(String text, String key, JsonElement el) {
        if (el.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonElement x : el.getAsJsonArray()) {
                list.add(toValue(text, key, x));
            }
            return list;
        }
        if (el.isJsonPrimitive()) {
            JsonPrimitive p = el.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (p.isNumber()) {
                return p.getAsBigDecimal().stripTrailingZeros().scale() <= 0
                        ? (Object) p.getAsBigDecimal().longValue() : (Object) p.getAsDouble();
            }
            return p.getAsString();
        }
        throw malformed(text, "value of '" + key + "' must be a number, string, boolean or array");
    }

    private static GendictException malformed(String text, String why) {
        return new GendictException(ErrorKind.INVALID_PARAMETER, "malformed spec '" + text + "': " + why);
    }
}
