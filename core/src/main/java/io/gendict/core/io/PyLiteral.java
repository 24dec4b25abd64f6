package io.gendict.core.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parser for the Python literal subset found in .npy headers: dicts with string keys, strings in
 * single or double quotes, {@code True}/{@code False}, integers (an old {@code L} suffix allowed),
 * tuples and lists. Tuples and lists both become {@link List}, integers {@link Long}. Nesting is
 * bounded so that hostile input cannot exhaust the stack.
 */
final class PyLiteral {
    private static final int MAX_DEPTH = 8;

    private final String text;
    private final String source;
    private int pos;

    private PyLiteral(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /**
     * @param text   the literal, e.g. {@code {'descr': '<f8', 'shape': (2, 3), }}
     * @param source the file, for messages
     * @return the value: Map, List, String, Boolean or Long
     * @throws FormatException when the text is not such a literal
     */
    static Object parse(String text, String source) {
        PyLiteral p = new PyLiteral(text, source);
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the header dict");
        }
        return v;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("header nested too deeply");
        }
        skipSpace();
        if (pos >= text.length()) {
            throw error("header ends early");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return dict(depth);
            case '(':
                return sequence(')', depth);
            case '[':
                return sequence(']', depth);
            case '\'':
            case '"':
                return string(c);
            default:
                if (text.startsWith("True", pos)) {
                    pos += 4;
                    return Boolean.TRUE;
                }
                if (text.startsWith("False", pos)) {
                    pos += 5;
                    return Boolean.FALSE;
                }
                return integer();
        }
    }

    private Map<String, Object> dict(int depth) {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek('}')) {
                pos++;
                return map;
            }
            Object key = value(depth + 1);
            if (!(key instanceof String)) {
                throw error("header dict key " + key + " is not a string");
            }
            skipSpace();
            expect(':');
            if (map.put((String) key, value(depth + 1)) != null) {
                throw error("header dict repeats key '" + key + "'");
            }
            skipSpace();
            if (peek(',')) {
                pos++;
            } else if (!peek('}')) {
                throw error("expected ',' or '}' in the header dict");
            }
        }
    }

    private List<Object> sequence(char close, int depth) {
        pos++;
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek(close)) {
                pos++;
                return items;
            }
            items.add(value(depth + 1));
            skipSpace();
            if (peek(',')) {
                pos++;
            } else if (!peek(close)) {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private String string(char quote) {
        int end = text.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error("unterminated string");
        }
        String s = text.substring(pos + 1, end);
        if (s.indexOf('\\') >= 0) {
            throw error("escape sequences are not supported in header strings");
        }
        pos = end + 1;
        return s;
    }

    private Long integer() {
        int start = pos;
        if (peek('-') || peek('+')) {
            pos++;
        }
        int firstDigit = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == firstDigit) {
            throw error(pos < text.length() ? "unexpected character '" + text.charAt(pos) + "'" : "header ends early");
        }
        String digits = text.substring(start, pos);
        if (peek('L')) {
            pos++;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("integer " + digits + " out of range");
        }
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t'
                || text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private FormatException error(String what) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return new FormatException(source, "bad .npy header: " + what + " at offset " + pos + " in "
                + shown.strip().replaceAll("[\\p{Cntrl}]", "?"));
    }
}
