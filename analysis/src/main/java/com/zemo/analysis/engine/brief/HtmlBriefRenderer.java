package com.zemo.analysis.engine.brief;

import static com.zemo.analysis.engine.brief.Escaping.html;

import java.util.Locale;

/** Renders a {@link Brief} as an HTML fragment (no inline script or style); everything is escaped. */
public final class HtmlBriefRenderer {

    public String render(Brief b) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<section class=\"zemo-brief\" lang=\"").append(html(b.language())).append("\">\n");
        sb.append("<h1>Brief: ").append(html(b.query())).append("</h1>\n");
        sb.append("<p>Pages analysed: ").append(b.pagesAnalysed()).append(". Length: ")
                .append(String.format(Locale.ROOT, "%d–%d words (median %d)", b.length().min(), b.length().max(),
                        b.length().target()))
                .append(".</p>\n");
        list(sb, "Title suggestions", b.titleSuggestions());
        list(sb, "H1 suggestions", b.h1Suggestions());
        sb.append("<h2>Outline</h2>\n<ul class=\"outline\">\n");
        for (OutlineItem o : b.outline()) {
            sb.append("<li class=\"h").append(o.level()).append("\">H").append(o.level()).append(": ")
                    .append(html(o.text())).append("</li>\n");
        }
        sb.append("</ul>\n<h2>Terms</h2>\n<table class=\"terms\">\n<thead><tr><th>term</th><th>occurrences</th>"
                + "<th>weight</th><th>pages</th></tr></thead>\n<tbody>\n");
        for (TermTarget t : b.terms()) {
            sb.append("<tr><td>").append(html(t.display())).append("</td><td>").append(t.min()).append("–")
                    .append(t.max()).append("</td><td>").append(String.format(Locale.ROOT, "%.2f", t.weight()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.0f %%", t.share() * 100))
                    .append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        if (!b.questions().isEmpty()) {
            list(sb, "Questions to answer", b.questions());
        }
        if (!b.excludedPages().isEmpty()) {
            list(sb, "Pages left out", b.excludedPages());
        }
        sb.append("</section>\n");
        return sb.toString();
    }

    private static void list(StringBuilder sb, String title, java.util.List<String> items) {
        sb.append("<h2>").append(html(title)).append("</h2>\n<ul>\n");
        items.forEach(i -> sb.append("<li>").append(html(i)).append("</li>\n"));
        sb.append("</ul>\n");
    }
}
