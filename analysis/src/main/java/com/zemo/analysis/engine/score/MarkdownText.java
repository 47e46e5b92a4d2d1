package com.zemo.analysis.engine.score;

import com.zemo.analysis.engine.metrics.Heading;
import com.zemo.analysis.engine.metrics.PageContent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads plain text or Markdown into a {@link PageContent}: lines starting with 1–6 {@code #} are
 * headings; other lines are joined into paragraphs separated by blank lines (list markers and
 * emphasis characters are stripped, links keep their text). The title is the one given, or else
 * the first H1.
 */
public final class MarkdownText {

    private MarkdownText() {
    }

    public static PageContent parse(String text, String title) {
        List<Heading> headings = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String source = text == null ? "" : text;
        for (String raw : source.split("\\R", -1)) {
            String line = raw.strip();
            int level = headingLevel(line);
            if (level > 0 || line.isEmpty()) {
                flush(current, paragraphs);
                if (level > 0) {
                    headings.add(new Heading(level, clean(line.substring(level).strip())));
                }
                continue;
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(clean(line.replaceFirst("^([-*+]|\\d+[.)])\\s+", "")));
        }
        flush(current, paragraphs);
        String t = title;
        if (t == null || t.isBlank()) {
            t = headings.stream().filter(h -> h.level() == 1).map(Heading::text).findFirst().orElse("");
        }
        return new PageContent("", t, "", headings, paragraphs);
    }

    private static int headingLevel(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '#') {
            n++;
        }
        return n >= 1 && n <= 6 && (n == line.length() || line.charAt(n) == ' ') ? n : 0;
    }

    private static String clean(String s) {
        return s.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("[*_`]+", "").replaceAll("\\s+#+$", "");
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (current.length() > 0) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }
}
