package com.zemo.analysis.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.zemo.analysis.engine.Fixtures;
import com.zemo.analysis.engine.Language;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageMetricsTest {

    private final PageAnalyzer analyzer = new PageAnalyzer();

    @Test
    void countsWordsCharactersAndKeywordByZone() {
        PageContent page = Fixtures.windowPages().get(0);
        PageMetrics m = analyzer.metrics(page, "пластиковые окна", Language.RU);
        int expectedWords = 0;
        int chars = 0;
        List<String> blocks = new ArrayList<>();
        page.headings().forEach(h -> blocks.add(h.text()));
        blocks.addAll(page.paragraphs());
        for (String b : blocks) {
            expectedWords += b.split("[\\s,.?:—]+").length;
            chars += b.length();
        }
        assertThat(m.words()).isEqualTo(expectedWords);
        assertThat(m.charactersWithSpaces()).isEqualTo(chars + blocks.size() - 1);
        assertThat(m.charactersWithoutSpaces()).isEqualTo(String.join("", blocks).replaceAll("\\s", "").length());
        assertThat(m.keywordByZone().get(Zone.TITLE)).isEqualTo(new KeywordCount(1, 1, 0));
        assertThat(m.keywordByZone().get(Zone.DESCRIPTION).exact()).isEqualTo(1);
        assertThat(m.keywordByZone().get(Zone.H1)).isEqualTo(new KeywordCount(1, 1, 0));
        // H2 "Цены на пластиковые окна" exact; body paragraph 1 "Пластиковые окна от производителя".
        assertThat(m.keywordByZone().get(Zone.H2_H6).exact()).isEqualTo(1);
        assertThat(m.keywordByZone().get(Zone.FIRST_PARAGRAPH).lemma()).isEqualTo(1);
        // "окна по размерам", "Цена окна", "стоит окно": partial (окно without пластиковый).
        assertThat(m.keywordByZone().get(Zone.BODY).partial()).isGreaterThanOrEqualTo(3);
        assertThat(m.keywordTotal().lemma()).isEqualTo(3);
        assertThat(m.keywordDensity()).isEqualTo(Math.round(100.0 * 3 * 2 / m.words() * 100) / 100.0);
        assertThat(m.topLemmas().get(0).term()).isEqualTo("окно");
        assertThat(m.topPhrases()).extracting(TermCount::term).contains("пластиковый окно");
        assertThat(m.overOptimised()).isFalse();
        assertThat(m.paragraphs()).isEqualTo(page.paragraphs().size());
    }

    @Test
    void lemmaMatchIgnoresOrderAndForm() {
        PageContent page = new PageContent("u", "", "", List.of(),
                List.of("Окна пластиковые недорого. Установка пластиковых окон. Пластиковое окно в подарок."));
        PageMetrics m = analyzer.metrics(page, "пластиковые окна", Language.RU);
        assertThat(m.keywordTotal()).isEqualTo(new KeywordCount(0, 3, 0));
    }

    @Test
    void flagsStuffing() {
        String stuffed = "Пластиковые окна купить. ".repeat(40) + "Мы продаём хорошие рамы и двери для дома.";
        PageMetrics m = analyzer.metrics(new PageContent("u", "t", "", List.of(), List.of(stuffed)),
                "пластиковые окна", Language.RU);
        assertThat(m.overOptimised()).isTrue();
        assertThat(m.overOptimisationReasons()).anyMatch(r -> r.startsWith("keyword density"));
    }

    @Test
    void englishPage() {
        PageContent page = new PageContent("https://runclub.example/best-running-shoes", "Best running shoes 2025",
                "Our picks.", List.of(new Heading(1, "Best Running Shoes")), List.of(Fixtures.EN_SHOES));
        PageMetrics m = analyzer.metrics(page, "best running shoes", Language.EN);
        assertThat(m.language()).isEqualTo("en");
        assertThat(m.keywordByZone().get(Zone.H1).exact()).isEqualTo(1);
        assertThat(m.keywordByZone().get(Zone.FIRST_PARAGRAPH).exact()).isEqualTo(1);
        assertThat(m.topLemmas()).extracting(TermCount::term).contains("shoe");
    }
}
