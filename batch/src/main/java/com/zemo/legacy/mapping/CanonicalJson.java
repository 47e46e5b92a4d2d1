package com.zemo.legacy.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strict JSON reader that yields one canonical text per JSON value: object keys sorted (the last of
 * duplicated keys wins, as in jsonb), no whitespace, numbers in plain decimal form, strings with minimal
 * escapes. The legacy text and PostgreSQL's jsonb text of the same value give the same canonical text, which
 * is what the checksums compare. Also refuses what jsonb refuses ({@code \u0000}, lone surrogates), so a
 * value that passes here never fails the INSERT.
 */
public final class CanonicalJson {
    private final String s;
    private int i;

    private CanonicalJson(String s) {
        this.s = s;
    }

    /** @return the canonical text, or null when the input is not one complete JSON value */
    public static String canonicalOrNull(String text) {
        if (text == null) {
            return null;
        }
        CanonicalJson p = new CanonicalJson(text);
        try {
            p.skipWs();
            StringBuilder out = new StringBuilder(text.length());
            p.value(out, 0);
            p.skipWs();
            return p.i == text.length() ? out.toString() : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private void value(StringBuilder out, int depth) {
        if (depth > 500) {
            throw new IllegalArgumentException("too deep");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{' -> object(out, depth);
            case '[' -> array(out, depth);
            case '"' -> writeString(out, string());
            case 't' -> literal("true", out);
            case 'f' -> literal("false", out);
            case 'n' -> literal("null", out);
            default -> number(out);
        }
    }

    private void object(StringBuilder out, int depth) {
        i++;
        Map<String, String> members = new TreeMap<>();
        skipWs();
        if (s.charAt(i) == '}') {
            i++;
            out.append("{}");
            return;
        }
        while (true) {
            skipWs();
            if (s.charAt(i) != '"') {
                throw new IllegalArgumentException("key expected");
            }
            String key = string();
            skipWs();
            expect(':');
            skipWs();
            StringBuilder v = new StringBuilder();
            value(v, depth + 1);
            members.put(key, v.toString());
            skipWs();
            char c = s.charAt(i++);
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw new IllegalArgumentException("comma expected");
            }
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : members.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, e.getKey());
            out.append(':').append(e.getValue());
        }
        out.append('}');
    }

    private void array(StringBuilder out, int depth) {
        i++;
        skipWs();
        if (s.charAt(i) == ']') {
            i++;
            out.append("[]");
            return;
        }
        List<String> items = new ArrayList<>();
        while (true) {
            skipWs();
            StringBuilder v = new StringBuilder();
            value(v, depth + 1);
            items.add(v.toString());
            skipWs();
            char c = s.charAt(i++);
            if (c == ']') {
                break;
            }
            if (c != ',') {
                throw new IllegalArgumentException("comma expected");
            }
        }
        out.append('[').append(String.join(",", items)).append(']');
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw new IllegalArgumentException("control character in string");
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        char u = (char) Integer.parseInt(s.substring(i, i + 4), 16);
                        i += 4;
                        if (u == 0) {
                            throw new IllegalArgumentException("\\u0000 is not storable in jsonb");
                        }
                        b.append(u);
                    }
                    default -> throw new IllegalArgumentException("bad escape");
                }
            } else {
                b.append(c);
            }
        }
        String v = b.toString();
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (Character.isHighSurrogate(c)) {
                if (k + 1 >= v.length() || !Character.isLowSurrogate(v.charAt(k + 1))) {
                    throw new IllegalArgumentException("lone surrogate");
                }
                k++;
            } else if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("lone surrogate");
            }
        }
        return v;
    }

    private static void writeString(StringBuilder out, String v) {
        out.append('"');
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void number(StringBuilder out) {
        int start = i;
        if (s.charAt(i) == '-') {
            i++;
        }
        if (s.charAt(i) == '0') {
            i++;
        } else {
            digits();
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            digits();
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (s.charAt(i) == '+' || s.charAt(i) == '-') {
                i++;
            }
            digits();
        }
        BigDecimal n = new BigDecimal(s.substring(start, i));
        out.append(n.signum() == 0 && n.scale() <= 0 ? "0" : n.toPlainString());
    }

    private void digits() {
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
        }
        if (i == start) {
            throw new IllegalArgumentException("digit expected");
        }
    }

    private void literal(String word, StringBuilder out) {
        if (!s.startsWith(word, i)) {
            throw new IllegalArgumentException("bad literal");
        }
        i += word.length();
        out.append(word);
    }

    private void expect(char c) {
        if (s.charAt(i++) != c) {
            throw new IllegalArgumentException(c + " expected");
        }
    }

    private void skipWs() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else {
                break;
            }
        }
    }
}
