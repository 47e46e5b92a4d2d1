package com.zemo.prompts.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A prompt body with {@code {{placeholder}}} slots, parsed and checked once. Names are case-insensitive and may
 * carry spaces inside the braces ({@code {{ keyword }}}). Single braces are plain text (prompts often hold JSON
 * examples); a {@code {{} without its {@code }}} or a {@code }}} without its {@code {{} is an error, as is a name
 * that is not in {@link Placeholders#KNOWN}.
 */
public final class PromptTemplate {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    /** A piece of the body: literal text or a placeholder (canonical name, aliases resolved). */
    private record Part(String text, String placeholder) {
    }

    private final String body;
    private final List<Part> parts;

    private PromptTemplate(String body, List<Part> parts) {
        this.body = body;
        this.parts = parts;
    }

    /**
     * Parses and validates a body.
     * @throws TemplateException listing every problem and the placeholders that exist
     */
    public static PromptTemplate parse(String body) {
        if (body == null || body.isBlank()) {
            throw new TemplateException(List.of("the prompt body is empty"), List.of());
        }
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        List<Part> parts = new ArrayList<>();
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < body.length()) {
            int open = body.indexOf("{{", i);
            int close = body.indexOf("}}", i);
            if (close >= 0 && (open < 0 || close < open)) {
                problems.add("'}}' at " + position(body, close) + " has no opening '{{'");
                literal.append(body, i, close + 2);
                i = close + 2;
                continue;
            }
            if (open < 0) {
                literal.append(body, i, body.length());
                break;
            }
            literal.append(body, i, open);
            int end = body.indexOf("}}", open + 2);
            int nextOpen = body.indexOf("{{", open + 2);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
                problems.add("'{{' at " + position(body, open) + " is not closed by '}}'");
                literal.append("{{");
                i = open + 2;
                continue;
            }
            String raw = body.substring(open + 2, end).strip();
            String name = raw.toLowerCase(Locale.ROOT);
            if (!NAME.matcher(name).matches()) {
                problems.add("'{{" + raw + "}}' at " + position(body, open) + " is not a placeholder name (letters, digits, '_' and '.')");
            } else if (!Placeholders.isKnown(name)) {
                unknown.add(name);
            } else {
                if (!literal.isEmpty()) {
                    parts.add(new Part(literal.toString(), null));
                    literal.setLength(0);
                }
                parts.add(new Part(null, Placeholders.canonical(name)));
            }
            i = end + 2;
        }
        if (!unknown.isEmpty()) {
            problems.add(0, "unknown placeholder" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown.stream().map(u -> "{{" + u + "}}").toList()));
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(problems, List.copyOf(unknown));
        }
        if (!literal.isEmpty()) {
            parts.add(new Part(literal.toString(), null));
        }
        return new PromptTemplate(body, List.copyOf(parts));
    }

    /** The placeholders the body uses (canonical names, in order of first use). */
    public Set<String> placeholders() {
        Set<String> used = new LinkedHashSet<>();
        parts.stream().filter(p -> p.placeholder() != null).forEach(p -> used.add(p.placeholder()));
        return used;
    }

    /**
     * Fills the slots. A placeholder without a value becomes an empty string; {@link #missing} says which.
     */
    public String render(Map<String, String> values) {
        StringBuilder sb = new StringBuilder(body.length() + 512);
        for (Part p : parts) {
            if (p.placeholder() == null) {
                sb.append(p.text());
            } else {
                String v = values.get(p.placeholder());
                sb.append(v == null ? "" : v);
            }
        }
        return sb.toString();
    }

    /** Placeholders the body uses that {@code values} has nothing (or only blanks) for. */
    public List<String> missing(Map<String, String> values) {
        return placeholders().stream().filter(p -> values.get(p) == null || values.get(p).isBlank()).toList();
    }

    public String body() {
        return body;
    }

    /** "line 3, column 7": what a person finds in an editor. */
    private static String position(String s, int index) {
        int line = 1;
        int col = 1;
        for (int k = 0; k < index; k++) {
            if (s.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return "line " + line + ", column " + col;
    }
}
