package com.zemo.analysis.engine.brief;

import static org.assertj.core.api.Assertions.assertThat;

import com.zemo.analysis.engine.AnalysisEngine;
import com.zemo.analysis.engine.AnalysisReport;
import com.zemo.analysis.engine.Fixtures;
import com.zemo.analysis.engine.competitors.CompetitorOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class BriefRenderingTest {

    private static Brief brief() {
        AnalysisReport r = new AnalysisEngine().analyze("пластиковые окна", "auto", Fixtures.windowPages(),
                CompetitorOptions.DEFAULT);
        return r.brief();
    }

    @Test
    void briefHasTitlesOutlineLengthTermsQuestions() {
        Brief b = brief();
        assertThat(b.language()).isEqualTo("ru");
        assertThat(b.titleSuggestions()).isNotEmpty().allMatch(t -> t.startsWith("Пластиковые окна") && t.length() <= 70);
        assertThat(b.h1Suggestions()).contains("Пластиковые окна");
        assertThat(b.outline().get(0)).isEqualTo(new OutlineItem(1, "Пластиковые окна"));
        assertThat(b.outline()).anyMatch(o -> o.level() == 2 && o.text().toLowerCase().contains("стеклопакет"));
        assertThat(b.length().min()).isLessThanOrEqualTo(b.length().target());
        assertThat(b.length().target()).isLessThanOrEqualTo(b.length().max());
        assertThat(b.terms()).isNotEmpty().allMatch(t -> t.min() >= 1 && t.max() >= t.min());
        assertThat(b.questions()).isNotEmpty();
        assertThat(b.excludedPages()).containsExactly("https://www.ozon.ru/category/okna-plastikovye/ — marketplace (ozon.ru)");
    }

    @Test
    void renderersEscapeEverything() {
        Brief evil = new Brief("окна <script>alert(1)</script>", "ru", List.of("<script>alert('t')</script>"),
                List.of("H1 & <b>bold</b>"), List.of(new OutlineItem(1, "<img src=x onerror=alert(1)>")),
                new LengthTarget(100, 200, 300),
                List.of(new TermTarget("x", "a|b <script>", 1, 2, 1.0, 1.0, List.of("BODY"))),
                List.of("Что такое [ссылка](javascript:alert(1))?"), List.of(), 3);
        String html = new HtmlBriefRenderer().render(evil);
        assertThat(html).doesNotContain("<script>", "<img", "<b>").contains("&lt;script&gt;", "&amp;");
        String md = new MarkdownBriefRenderer().render(evil);
        assertThat(md).doesNotContain("<script>", "<img", "](javascript").contains("&lt;script&gt;");
        // A pipe in a term cannot break the table row.
        assertThat(md).contains("a\\|b");
    }

    @Test
    void rendersARealBrief() {
        Brief b = brief();
        String md = new MarkdownBriefRenderer().render(b);
        assertThat(md).startsWith("# Brief: пластиковые окна").contains("## Terms", "стеклопакет", "## Questions to answer");
        String html = new HtmlBriefRenderer().render(b);
        assertThat(html).contains("<table class=\"terms\">", "стеклопакет").endsWith("</section>\n");
    }
}
