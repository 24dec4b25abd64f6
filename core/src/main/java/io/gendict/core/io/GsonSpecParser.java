package io.gendict.core.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.gendict.core.param.ComponentSpec;
import io.gendict.core.param.JsonSpecParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link JsonSpecParser} of gendict-core, with Gson: {@code {"name": "...", "key": value, ...}} or
 * {@code {"name": "...", "params": {...}}}; a number whole in value becomes a {@code Long}, any other a
 * {@code Double}; strings, booleans and arrays of these are kept. Registered with
 * {@link java.util.ServiceLoader} for {@link ComponentSpec#parse}.
 *
 * @since 0.1
 */
public final class GsonSpecParser implements JsonSpecParser {
    @Override
    public ComponentSpec parse(String text) {
        JsonObject obj;
        try {
            obj = JsonParser.parseString(text).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw ComponentSpec.malformed(text, "not a JSON object");
        }
        JsonElement nameEl = obj.get("name");
        if (nameEl == null || !nameEl.isJsonPrimitive()) {
            throw ComponentSpec.malformed(text, "JSON spec needs a string field 'name'");
        }
        JsonElement params = obj.has("params") ? obj.get("params") : obj;
        if (!params.isJsonObject()) {
            throw ComponentSpec.malformed(text, "'params' must be a JSON object");
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
        throw ComponentSpec.malformed(text, "value of '" + key + "' must be a number, string, boolean or array");
    }
}
