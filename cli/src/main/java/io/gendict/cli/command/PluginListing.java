package io.gendict.cli.command;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.gendict.core.param.ParamDef;
import io.gendict.core.plugin.PluginFailure;
import io.gendict.core.plugin.PluginSet;
import io.gendict.core.plugin.ProviderKind;
import io.gendict.core.spi.Provider;

import java.util.List;
import java.util.Locale;

/**
 * Formats a {@link PluginSet} for {@code gendict plugins}: every provider of every kind with its
 * source, description and parameters (name, type, default, range, help), then the failed jars.
 *
 * @since 0.1
 */
public final class PluginListing {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private PluginListing() {
    }

    /**
     * @param plugins what was loaded
     * @return the listing as pretty-printed JSON: one array per kind ({@code priors}, {@code oracles},
     *         {@code updateRules}, {@code baselines}) and {@code failures}
     */
    public static String json(PluginSet plugins) {
        JsonObject root = new JsonObject();
        for (ProviderKind<?> kind : ProviderKind.all()) {
            JsonArray providers = new JsonArray();
            plugins.providers(kind).values().forEach(p -> providers.add(json(p, plugins.source(p))));
            root.add(jsonKey(kind), providers);
        }
        JsonArray failures = new JsonArray();
        for (PluginFailure f : plugins.failures()) {
            JsonObject o = new JsonObject();
            o.addProperty("jar", f.jar());
            o.addProperty("reason", f.reason());
            failures.add(o);
        }
        root.add("failures", failures);
        return GSON.toJson(root);
    }

    /**
     * @param plugins what was loaded
     * @return the listing as indented text, one section per kind, then any failed jars
     */
    public static String text(PluginSet plugins) {
        StringBuilder sb = new StringBuilder();
        for (ProviderKind<?> kind : ProviderKind.all()) {
            sb.append(kind.plural()).append('\n');
            if (plugins.providers(kind).isEmpty()) {
                sb.append("  (none)\n");
            }
            plugins.providers(kind).values().forEach(p -> text(sb, p, plugins.source(p)));
        }
        if (!plugins.failures().isEmpty()) {
            sb.append("failed plugins (not loaded)\n");
            plugins.failures().forEach(f -> sb.append("  ").append(f).append('\n'));
        }
        return sb.toString();
    }

    private static JsonObject json(Provider p, String source) {
        JsonObject o = new JsonObject();
        o.addProperty("name", p.name());
        o.addProperty("description", p.description());
        o.addProperty("source", source);
        JsonArray params = new JsonArray();
        for (ParamDef d : p.parameters().definitions()) {
            JsonObject q = new JsonObject();
            q.addProperty("name", d.name());
            q.addProperty("type", typeText(d));
            q.addProperty("required", d.required());
            if (!d.required()) {
                q.add("default", GSON.toJsonTree(d.defaultValue()));
            }
            if (!d.rangeText().isEmpty()) {
                q.addProperty("range", d.rangeText());
            }
            q.addProperty("help", d.help());
            params.add(q);
        }
        o.add("parameters", params);
        return o;
    }

    private static void text(StringBuilder sb, Provider p, String source) {
        sb.append("  ").append(p.name()).append("  (").append(source).append(")\n");
        sb.append("      ").append(p.description()).append('\n');
        List<ParamDef> defs = p.parameters().definitions();
        int[] widths = new int[4];
        for (ParamDef d : defs) {
            String[] cells = cells(d);
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        for (ParamDef d : defs) {
            String[] cells = cells(d);
            sb.append("      ");
            for (int i = 0; i < widths.length; i++) {
                sb.append(String.format(Locale.ROOT, "%-" + widths[i] + "s  ", cells[i]));
            }
            sb.append(d.help()).append('\n');
        }
    }

    private static String[] cells(ParamDef d) {
        String def = d.defaultText().isEmpty() ? "\"\"" : d.defaultText();
        return new String[] {d.name(), typeText(d), def, d.rangeText()};
    }

    private static String typeText(ParamDef d) {
        return d.type().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String jsonKey(ProviderKind<?> kind) {
        String[] words = kind.plural().split(" ");
        StringBuilder key = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return key.toString();
    }
}
