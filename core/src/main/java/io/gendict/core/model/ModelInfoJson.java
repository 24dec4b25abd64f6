package io.gendict.core.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.gendict.core.io.FormatException;
import io.gendict.core.io.StrictJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code model.json}: a {@link ModelInfo} as JSON and back, as {@link ModelStore} writes and reads it. */
final class ModelInfoJson {
    private ModelInfoJson() {
    }

    /**
     * @param info the model's record
     * @return its {@code model.json} object (parameters sorted by key)
     */
    static JsonObject toJson(ModelInfo info) {
        JsonObject o = new JsonObject();
        o.addProperty("method", info.method());
        o.addProperty("oracle", info.oracle());
        o.addProperty("update", info.update());
        JsonObject params = new JsonObject();
        new TreeMap<>(info.parameters()).forEach(params::addProperty);
        o.add("parameters", params);
        o.addProperty("seed", info.seed());
        o.addProperty("samplesSeen", info.samplesSeen());
        o.addProperty("gendictVersion", info.gendictVersion());
        o.addProperty("javaVersion", info.javaVersion());
        JsonArray curve = new JsonArray();
        for (ModelInfo.CurvePoint p : info.curve()) {
            JsonArray point = new JsonArray();
            point.add(p.samples());
            point.add(p.error());
            curve.add(point);
        }
        o.add("trainingCurve", curve);
        JsonArray plugins = new JsonArray();
        for (ModelInfo.Plugin p : info.plugins()) {
            JsonObject plugin = new JsonObject();
            plugin.addProperty("kind", p.kind());
            plugin.addProperty("name", p.name());
            plugin.addProperty("jar", p.jar());
            plugin.addProperty("sha256", p.sha256());
            plugin.addProperty("provider", p.provider());
            plugins.add(plugin);
        }
        o.add("plugins", plugins);
        return o;
    }

    /**
     * @param file the {@code model.json} file
     * @return the record it holds
     * @throws FormatException naming the file when it is malformed
     */
    static ModelInfo parse(Path file) {
        JsonObject o = ModelFiles.readJson(file);
        try {
            Map<String, String> params = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("parameters").entrySet()) {
                params.put(e.getKey(), e.getValue().getAsString());
            }
            List<ModelInfo.CurvePoint> curve = new ArrayList<>();
            JsonArray points = o.getAsJsonArray("trainingCurve");
            for (int i = 0; i < points.size(); i++) {
                JsonArray a = points.get(i).getAsJsonArray();
                curve.add(new ModelInfo.CurvePoint(a.get(0).getAsLong(),
                        StrictJson.number(o, "trainingCurve[" + i + "][1]", a.get(1))));
            }
            List<ModelInfo.Plugin> plugins = new ArrayList<>();
            if (o.has("plugins")) {
                for (JsonElement e : o.getAsJsonArray("plugins")) {
                    JsonObject p = e.getAsJsonObject();
                    plugins.add(new ModelInfo.Plugin(string(p, "kind", file), string(p, "name", file),
                            string(p, "jar", file), string(p, "sha256", file), string(p, "provider", file)));
                }
            }
            return new ModelInfo(string(o, "method", file), optional(o, "oracle"), optional(o, "update"), params,
                    o.get("seed").getAsLong(), o.get("samplesSeen").getAsLong(), optional(o, "gendictVersion"),
                    optional(o, "javaVersion"), curve, plugins);
        } catch (RuntimeException e) {
            throw new FormatException(file.toString(), "malformed model metadata: " + e.getMessage(), e);
        }
    }

    /** @return the string field {@code key}, naming the file when it is missing */
    static String string(JsonObject o, String key, Path file) {
        String s = optional(o, key);
        if (s == null) {
            throw new FormatException(file.toString(), "expected a string field '" + key + "'");
        }
        return s;
    }

    private static String optional(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
