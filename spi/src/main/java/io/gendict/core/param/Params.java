package io.gendict.core.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validated, typed parameter values of one provider, every declared parameter present (defaults
 * filled in). Created only by {@link ParamSpec#validate}. Immutable.
 *
 * @since 0.1
 */
public final class Params {
    private final String provider;
    private final Map<String, Object> values;

    Params(String provider, Map<String, Object> values) {
        this.provider = provider;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return the provider these parameters belong to */
    public String provider() {
        return provider;
    }

    /** @return the typed values in declaration order */
    public Map<String, Object> values() {
        return values;
    }

    /** @return the INT parameter {@code name} */
    public int getInt(String name) {
        return (Integer) get(name);
    }

    /** @return the LONG parameter {@code name} */
    public long getLong(String name) {
        return (Long) get(name);
    }

    /** @return the DOUBLE parameter {@code name} */
    public double getDouble(String name) {
        return (Double) get(name);
    }

    /** @return the BOOLEAN parameter {@code name} */
    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    /** @return the STRING parameter {@code name} */
    public String getString(String name) {
        return (String) get(name);
    }

    /** @return a copy of the INT_LIST parameter {@code name} */
    public int[] getIntList(String name) {
        return ((int[]) get(name)).clone();
    }

    /** @return a copy of the DOUBLE_LIST parameter {@code name} */
    public double[] getDoubleList(String name) {
        return ((double[]) get(name)).clone();
    }

    /** @return the spec text {@code provider:key=value,...} that recreates these parameters */
    public String toSpecString() {
        if (values.isEmpty()) {
            return provider;
        }
        return provider + ":" + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + ParamValues.format(e.getValue()))
                .collect(Collectors.joining(","));
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(provider + " declares no parameter '" + name + "'");
        }
        return v;
    }

    @Override
    public String toString() {
        return toSpecString();
    }
}
