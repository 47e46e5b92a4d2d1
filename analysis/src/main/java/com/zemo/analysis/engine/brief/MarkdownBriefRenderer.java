package com.zemo.analysis.engine.brief;

import static com.zemo.analysis.engine.brief.Escaping.markdown;

import java.util.Locale;

/** Renders a {@link Brief} as Markdown; every value from pages is escaped. */
public final class MarkdownBriefRenderer {

    public String render(Brief b) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("# Brief: ").append(markdown(b.query())).append("\n\n");
        sb.append("Language: ").append(markdown(b.language())).append(" · pages analysed: ").append(b.pagesAnalysed())
                .append("\n\n");
        sb.append("## Length\n\n").append(String.format(Locale.ROOT, "%d–%d words (median %d)%n%n",
                b.length().min(), b.length().max(), b.length().target()));
        sb.append("## Title suggestions\n\n");
        b.titleSuggestions().forEach(t -> sb.append("- ").append(markdown(t)).append('\n'));
        sb.append("\n## H1 suggestions\n\n");
        b.h1Suggestions().forEach(t -> sb.append("- ").append(markdown(t)).append('\n'));
        sb.append("\n## Outline\n\n");
        for (OutlineItem o : b.outline()) {
            sb.append("  ".repeat(Math.max(0, o.level() - 1))).append("- H").append(o.level()).append(": ")
                    .append(markdown(o.text())).append('\n');
        }
        sb.append("\n## Terms\n\n| term | occurrences | weight | pages |\n|---|---|---|---|\n");
        for (TermTarget t : b.terms()) {
            sb.append("| ").append(markdown(t.display())).append(" | ").append(t.min()).append('–').append(t.max())
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", t.weight())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f %%", t.share() * 100)).append(" |\n");
        }
        if (!b.questions().isEmpty()) {
            sb.append("\n## Questions to answer\n\n");
            b.questions().forEach(q -> sb.append("- ").append(markdown(q)).append('\n'));
        }
        if (!b.excludedPages().isEmpty()) {
            sb.append("\n## Pages left out\n\n");
            b.excludedPages().forEach(p -> sb.append("- ").append(markdown(p)).append('\n'));
        }
        return sb.toString();
    }
}
