package io.gendict.core.param;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of a provider: its name, type, default, allowed range and a one-line help text.
 *
 * @param name         key as written in a spec, kebab- or camel-case, e.g. {@code "p"} or {@code "lr"}
 * @param type         value type
 * @param defaultValue default in its typed form (Integer, Long, Double, Boolean, String, int[],
 *                     double[]), or {@code null} when the parameter is required
 * @param min          inclusive lower bound for numbers (each element for lists), or NaN for none
 * @param max          inclusive upper bound for numbers (each element for lists), or NaN for none
 * @param choices      allowed values of a STRING parameter, empty for any
 * @param help         one line shown by {@code gendict plugins}
 * @since 0.1
 */
public record ParamDef(String name, ParamType type, Object defaultValue, double min, double max,
                       List<String> choices, String help) {

    /** Validates the definition itself. */
    public ParamDef {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        choices = List.copyOf(choices);
        Objects.requireNonNull(help, "help is null");
    }

    /** @return whether the parameter has no default and must be given */
    public boolean required() {
        return defaultValue == null;
    }

    /** @return the range as text, e.g. {@code [0, 1]}, {@code >= 1}, or an empty string */
    public String rangeText() {
        if (!choices.isEmpty()) {
            return String.join("|", choices);
        }
        boolean lo = !Double.isNaN(min);
        boolean hi = !Double.isNaN(max);
        if (lo && hi) {
            return "[" + num(min) + ", " + num(max) + "]";
        }
        if (lo) {
            return ">= " + num(min);
        }
        return hi ? "<= " + num(max) : "";
    }

    /** @return the default in spec syntax, or {@code "(required)"} */
    public String defaultText() {
        return defaultValue == null ? "(required)" : ParamValues.format(defaultValue);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
