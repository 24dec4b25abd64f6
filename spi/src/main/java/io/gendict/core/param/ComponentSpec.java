package io.gendict.core.param;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A provider name plus raw, not yet validated parameter values, parsed from
 * {@code name:key=value,key=value} or from JSON {@code {"name": "...", "key": value, ...}} (read by the
 * {@link JsonSpecParser} the application provides).
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
            return JsonParserHolder.PARSER.map(p -> p.parse(t)).orElseThrow(() -> malformed(text,
                    "JSON specs are read by gendict-core, which is not on the class path"));
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

    /**
     * @param text the spec as given
     * @param why  what is wrong with it
     * @return the INVALID_PARAMETER error naming both
     */
    public static GendictException malformed(String text, String why) {
        return new GendictException(ErrorKind.INVALID_PARAMETER, "malformed spec '" + text + "': " + why);
    }

    /** The application's JSON spec parser, looked up once. */
    private static final class JsonParserHolder {
        static final Optional<JsonSpecParser> PARSER =
                ServiceLoader.load(JsonSpecParser.class, ComponentSpec.class.getClassLoader()).findFirst();
    }
}
