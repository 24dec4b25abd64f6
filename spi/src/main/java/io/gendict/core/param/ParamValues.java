package io.gendict.core.param;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Conversion of raw parameter values (spec text or JSON values) to their typed form, with range
 * checks, and formatting back to spec text.
 */
final class ParamValues {
    private ParamValues() {
    }

    static Object convert(String provider, ParamDef def, Object raw) {
        Object value = switch (def.type()) {
            case INT -> (int) integral(provider, def, raw, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> integral(provider, def, raw, Long.MIN_VALUE, Long.MAX_VALUE);
            case DOUBLE -> real(provider, def, raw);
            case BOOLEAN -> bool(provider, def, raw);
            case STRING -> string(provider, def, raw);
            case INT_LIST -> elements(provider, def, raw).stream()
                    .mapToInt(o -> (int) integral(provider, def, o, Integer.MIN_VALUE, Integer.MAX_VALUE)).toArray();
            case DOUBLE_LIST -> elements(provider, def, raw).stream().mapToDouble(o -> real(provider, def, o)).toArray();
        };
        return value;
    }

    static String format(Object value) {
        if (value instanceof int[] a) {
            return Arrays.stream(a).mapToObj(Integer::toString).collect(Collectors.joining(","));
        }
        if (value instanceof double[] a) {
            return Arrays.stream(a).mapToObj(Double::toString).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    private static long integral(String provider, ParamDef def, Object raw, long lo, long hi) {
        long v;
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw wrongType(provider, def, raw, "an integer");
            }
            v = n instanceof Long l ? l : (long) d;
        } else {
            try {
                v = Long.parseLong(raw.toString().trim());
            } catch (NumberFormatException e) {
                throw wrongType(provider, def, raw, "an integer");
            }
        }
        if (v < lo || v > hi) {
            throw wrongType(provider, def, raw, "an integer in [" + lo + ", " + hi + "]");
        }
        checkRange(provider, def, v);
        return v;
    }

    private static double real(String provider, ParamDef def, Object raw) {
        double v;
        if (raw instanceof Number n) {
            v = n.doubleValue();
        } else {
            try {
                v = Double.parseDouble(raw.toString().trim());
            } catch (NumberFormatException e) {
                throw wrongType(provider, def, raw, "a number");
            }
        }
        if (!Double.isFinite(v)) {
            throw wrongType(provider, def, raw, "a finite number");
        }
        checkRange(provider, def, v);
        return v;
    }

    private static boolean bool(String provider, ParamDef def, Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String s = raw.toString().trim();
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        throw wrongType(provider, def, raw, "true or false");
    }

    private static String string(String provider, ParamDef def, Object raw) {
        String s = raw.toString();
        if (!def.choices().isEmpty() && !def.choices().contains(s)) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, provider + ": parameter '" + def.name()
                    + "' is '" + s + "', expected one of " + String.join(", ", def.choices()));
        }
        return s;
    }

    private static List<?> elements(String provider, ParamDef def, Object raw) {
        List<?> list;
        if (raw instanceof List<?> l) {
            list = l;
        } else if (raw instanceof int[] a) {
            list = Arrays.stream(a).boxed().toList();
        } else if (raw instanceof double[] a) {
            list = Arrays.stream(a).boxed().toList();
        } else if (raw instanceof Number n) {
            list = List.of(n);
        } else {
            String s = raw.toString().trim();
            list = s.isEmpty() ? List.of() : Arrays.stream(s.split("[,;]")).map(String::trim).toList();
        }
        if (list.isEmpty()) {
            throw wrongType(provider, def, raw, "a non-empty list");
        }
        return list;
    }

    private static void checkRange(String provider, ParamDef def, double v) {
        if ((!Double.isNaN(def.min()) && v < def.min()) || (!Double.isNaN(def.max()) && v > def.max())) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, provider + ": parameter '" + def.name()
                    + "' is " + format(v) + ", out of range " + def.rangeText());
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static GendictException wrongType(String provider, ParamDef def, Object raw, String expected) {
        return new GendictException(ErrorKind.INVALID_PARAMETER, provider + ": parameter '" + def.name()
                + "' is '" + format(raw) + "', expected " + expected);
    }
}
