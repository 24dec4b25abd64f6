package io.gendict.core.param;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters a provider accepts. Validates raw key/value text into typed {@link Params}; every
 * message names the provider and the parameter.
 *
 * <pre>{@code
 * ParamSpec spec = ParamSpec.builder()
 *     .intParam("k", 10, 1, 10_000, "latent dimension")
 *     .doubleParam("p", 0.6, 0, 1, "Bernoulli probability of each entry of M")
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class ParamSpec {
    private final Map<String, ParamDef> defs;

    private ParamSpec(Map<String, ParamDef> defs) {
        this.defs = Collections.unmodifiableMap(defs);
    }

    /** @return a spec with no parameters */
    public static ParamSpec empty() {
        return new ParamSpec(new LinkedHashMap<>());
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the definitions in declaration order */
    public List<ParamDef> definitions() {
        return new ArrayList<>(defs.values());
    }

    /**
     * Validates raw values and fills defaults.
     *
     * @param provider name of the provider, used in messages
     * @param raw      key to raw value: a String in spec syntax, or an already typed value
     *                 (Number, Boolean, List of numbers) as read from JSON. Not modified.
     * @return the typed parameters
     * @throws GendictException INVALID_PARAMETER for an unknown key, a wrong type, a value out of
     *                          range or a missing required parameter
     */
    public Params validate(String provider, Map<String, ?> raw) {
        for (String key : raw.keySet()) {
            if (!defs.containsKey(key)) {
                throw new GendictException(ErrorKind.INVALID_PARAMETER, provider + ": unknown parameter '"
                        + key + "'" + (defs.isEmpty() ? " (it takes none)" : "; known: " + String.join(", ", defs.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamDef def : defs.values()) {
            if (raw.containsKey(def.name())) {
                values.put(def.name(), ParamValues.convert(provider, def, raw.get(def.name())));
            } else if (def.required()) {
                throw new GendictException(ErrorKind.INVALID_PARAMETER,
                        provider + ": missing required parameter '" + def.name() + "' (" + def.help() + ")");
            } else {
                values.put(def.name(), def.defaultValue());
            }
        }
        return new Params(provider, values);
    }

    /** Builds a {@link ParamSpec}; parameters keep the order they are added in. */
    public static final class Builder {
        private final Map<String, ParamDef> defs = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds any parameter definition.
         *
         * @param def the definition
         * @return this builder
         */
        public Builder add(ParamDef def) {
            if (defs.putIfAbsent(def.name(), def) != null) {
                throw new IllegalArgumentException("duplicate parameter " + def.name());
            }
            return this;
        }

        /** Adds an INT parameter with an inclusive range; {@code def} null means required. */
        public Builder intParam(String name, Integer def, int min, int max, String help) {
            return add(new ParamDef(name, ParamType.INT, def, min, max, List.of(), help));
        }

        /** Adds a LONG parameter (no range), typically a seed. */
        public Builder longParam(String name, Long def, String help) {
            return add(new ParamDef(name, ParamType.LONG, def, Double.NaN, Double.NaN, List.of(), help));
        }

        /** Adds a DOUBLE parameter with an inclusive range (NaN for an open end). */
        public Builder doubleParam(String name, Double def, double min, double max, String help) {
            return add(new ParamDef(name, ParamType.DOUBLE, def, min, max, List.of(), help));
        }

        /** Adds a BOOLEAN parameter. */
        public Builder boolParam(String name, Boolean def, String help) {
            return add(new ParamDef(name, ParamType.BOOLEAN, def, Double.NaN, Double.NaN, List.of(), help));
        }

        /** Adds a STRING parameter; a non-empty {@code choices} restricts its values. */
        public Builder stringParam(String name, String def, List<String> choices, String help) {
            return add(new ParamDef(name, ParamType.STRING, def, Double.NaN, Double.NaN, choices, help));
        }

        /** Adds an INT_LIST parameter; every element must lie in [min, max]. */
        public Builder intListParam(String name, int[] def, int min, int max, String help) {
            return add(new ParamDef(name, ParamType.INT_LIST, def, min, max, List.of(), help));
        }

        /** Adds a DOUBLE_LIST parameter; every element must lie in [min, max] (NaN for open). */
        public Builder doubleListParam(String name, double[] def, double min, double max, String help) {
            return add(new ParamDef(name, ParamType.DOUBLE_LIST, def, min, max, List.of(), help));
        }

        /** @return the spec */
        public ParamSpec build() {
            return new ParamSpec(new LinkedHashMap<>(defs));
        }
    }
}
