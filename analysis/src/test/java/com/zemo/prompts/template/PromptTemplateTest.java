package com.zemo.prompts.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zemo.analysis.engine.brief.Brief;
import com.zemo.analysis.engine.brief.LengthTarget;
import com.zemo.analysis.engine.brief.OutlineItem;
import com.zemo.analysis.engine.brief.TermTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    static final Brief BRIEF = new Brief("пластиковые окна", "ru", List.of("Пластиковые окна: цены и монтаж"),
            List.of("Пластиковые окна"),
            List.of(new OutlineItem(1, "Пластиковые окна"), new OutlineItem(2, "Как выбрать стеклопакет")),
            new LengthTarget(800, 1200, 1600),
            List.of(new TermTarget("стеклопакет", "стеклопакет", 2, 6, 1.0, 0.9, List.of("BODY")),
                    new TermTarget("профиль", "профиль ПВХ", 1, 4, 0.7, 0.8, List.of("H2_H6"))),
            List.of("Сколько стоит окно?"), List.of(), 9);

    @Test
    void legacyPlaceholdersKeepWorking() {
        PromptTemplate t = PromptTemplate.parse("Напиши статью «{{keyword}}» на {{length}} слов.\nLSI: {{lsi}}\nПлан:\n{{headings}}");
        String out = t.render(TemplateValues.of(BRIEF, null).asMap());
        assertThat(out).startsWith("Напиши статью «пластиковые окна» на 1200 слов.")
                .contains("- стеклопакет: 2–6 times", "- профиль ПВХ: 1–4 times")
                .contains("H1: Пластиковые окна", "  H2: Как выбрать стеклопакет")
                .doesNotContain("{{");
        assertThat(t.placeholders()).containsExactly("keyword", "length", "terms", "headings");
    }

    @Test
    void everyNewPlaceholderRenders() {
        String body = "{{ keyword }}|{{TERMS}}|{{questions}}|{{title}}|{{h1}}|{{length.min}}-{{length.max}}|{{pages.count}}|{{pages.titles}}|{{brief}}";
        String out = PromptTemplate.parse(body).render(TemplateValues.of(BRIEF, "окна ПВХ")
                .withPages(List.of("Окна в Москве", "Окна ПВХ"), List.of("https://a.example/", "https://b.example/")).asMap());
        assertThat(out).startsWith("окна ПВХ|- стеклопакет")
                .contains("|- Сколько стоит окно?|Пластиковые окна: цены и монтаж|Пластиковые окна|800-1600|9|Окна в Москве\nОкна ПВХ|# Brief: пластиковые окна");
    }

    @Test
    void singleBracesAreText() {
        String out = PromptTemplate.parse("Ответь JSON {\"title\": \"{{title}}\"}").render(Map.of("title", "T"));
        assertThat(out).isEqualTo("Ответь JSON {\"title\": \"T\"}");
    }

    @Test
    void keywordAloneLeavesTheRestEmptyAndSaysWhich() {
        PromptTemplate t = PromptTemplate.parse("{{keyword}}: {{terms}}");
        Map<String, String> values = TemplateValues.of("best running shoes").asMap();
        assertThat(t.render(values)).isEqualTo("best running shoes: ");
        assertThat(t.missing(values)).containsExactly("terms");
    }

    @Test
    void unknownPlaceholdersAreListedWithTheKnownOnes() {
        assertThatThrownBy(() -> PromptTemplate.parse("{{keyword}} {{kewyord}} {{foo.bar}} {{kewyord}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("unknown placeholders {{kewyord}}, {{foo.bar}}")
                .hasMessageContaining("Known placeholders: {{keyword}} (also {{query}}), {{terms}} (also {{lsi}})")
                .satisfies(e -> assertThat(((TemplateException) e).unknown()).containsExactly("kewyord", "foo.bar"));
    }

    @Test
    void unbalancedBracesAreReportedWithTheirPosition() {
        assertThatThrownBy(() -> PromptTemplate.parse("Write about {{keyword\nplease"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("'{{' at line 1, column 13 is not closed by '}}'");
        assertThatThrownBy(() -> PromptTemplate.parse("{{keyword}} and }} here"))
                .hasMessageContaining("'}}' at line 1, column 17 has no opening '{{'");
        assertThatThrownBy(() -> PromptTemplate.parse("{{ {{keyword}}"))
                .hasMessageContaining("'{{' at line 1, column 1 is not closed");
        assertThatThrownBy(() -> PromptTemplate.parse("{{}} {{key word}}"))
                .hasMessageContaining("'{{}}' at line 1, column 1 is not a placeholder name")
                .hasMessageContaining("'{{key word}}'");
        assertThatThrownBy(() -> PromptTemplate.parse("  ")).hasMessageContaining("empty");
    }

    @Test
    void extraValuesWinAndAreChecked() {
        Map<String, String> v = TemplateValues.of(BRIEF, null).withExtra(Map.of("LSI", "окно, рама")).asMap();
        assertThat(PromptTemplate.parse("{{terms}}").render(v)).isEqualTo("окно, рама");
        assertThatThrownBy(() -> TemplateValues.of("x").withExtra(Map.of("nope", "1")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("{{nope}}");
    }
}
