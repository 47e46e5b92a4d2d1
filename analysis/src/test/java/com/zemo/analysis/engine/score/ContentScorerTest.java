package com.zemo.analysis.engine.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.zemo.analysis.engine.AnalysisEngine;
import com.zemo.analysis.engine.Fixtures;
import com.zemo.analysis.engine.brief.Brief;
import com.zemo.analysis.engine.competitors.CompetitorOptions;
import com.zemo.analysis.engine.metrics.PageContent;
import org.junit.jupiter.api.Test;

class ContentScorerTest {

    private static final AnalysisEngine ENGINE = new AnalysisEngine();
    private static final Brief BRIEF = ENGINE.analyze("пластиковые окна", "ru", Fixtures.windowPages(),
            CompetitorOptions.DEFAULT).brief();

    private static final String GOOD = """
            # Пластиковые окна

            Пластиковые окна с профилем ПВХ и двухкамерным стеклопакетом сохраняют тепло в квартире и защищают \
            от шума. Рассказываем, как выбрать конструкцию, сколько стоит монтаж и от чего зависит цена.

            ## Как выбрать стеклопакет

            Для городской квартиры подойдёт двухкамерный стеклопакет с энергосберегающим стеклом. Стеклопакет \
            влияет на тепло сильнее, чем профиль, а фурнитура отвечает за удобство створки.

            ## Профиль ПВХ

            Профиль ПВХ бывает трёх-, пяти- и шестикамерным: чем больше камер, тем теплее в доме. Хороший \
            профиль служит больше сорока лет.

            ## Монтаж окон

            Монтаж по ГОСТ включает демонтаж старой рамы, установку профиля, пену, пароизоляцию швов, откосы \
            и подоконник. Плохой монтаж сводит на нет преимущества дорогой конструкции, поэтому откосы и швы \
            проверяйте при приёмке.

            ## Цены на окна ПВХ

            Сколько стоит окно? Цена зависит от размеров, профиля, стеклопакета и фурнитуры. Замерщик \
            приедет бесплатно и рассчитает стоимость монтажа.

            ## Гарантия и уход

            Производитель даёт гарантию на профиль и фурнитуру. Смазывайте фурнитуру раз в год и мойте \
            уплотнитель тёплой водой, тогда створка будет закрываться плотно.
            """;

    @Test
    void goodTextBeatsStuffedAndEmpty() {
        ContentScore good = ENGINE.score(GOOD, "Пластиковые окна: цены, монтаж и выбор стеклопакета", BRIEF);
        ContentScore stuffed = ENGINE.score("# Пластиковые окна\n\n" + "Пластиковые окна купить дешево. ".repeat(60),
                null, BRIEF);
        ContentScore empty = ENGINE.score("", null, BRIEF);

        assertThat(good.score()).isGreaterThan(stuffed.score());
        assertThat(stuffed.score()).isGreaterThan(empty.score());
        assertThat(empty.score()).isZero();
        assertThat(good.score()).isGreaterThanOrEqualTo(60);
        assertThat(good.keywordInTitle()).isTrue();
        assertThat(good.keywordInH1()).isTrue();
        assertThat(good.keywordInFirstParagraph()).isTrue();
        assertThat(stuffed.stuffing()).isTrue();
        assertThat(stuffed.components().get("stuffingPenalty")).isEqualTo(-20.0);
        assertThat(stuffed.missingTerms()).extracting(TermUsage::term).contains("стеклопакет");
        assertThat(stuffed.recommendations()).anyMatch(r -> r.startsWith("Cut keyword stuffing"));
        assertThat(empty.recommendations()).containsExactly("The text is empty.");
    }

    @Test
    void reportsLengthGapAndMissingQuestions() {
        ContentScore s = ENGINE.score("Пластиковые окна хорошие.", null, BRIEF);
        assertThat(s.lengthGap()).isEqualTo(BRIEF.length().min() - s.words());
        assertThat(s.missingQuestions()).isNotEmpty();
        assertThat(s.keywordInH1()).isFalse();
        assertThat(s.recommendations()).anyMatch(r -> r.startsWith("Add about"));
    }

    @Test
    void markdownParsing() {
        PageContent p = MarkdownText.parse("# Заголовок\n\nТекст со [ссылкой](http://x) и **жирным**.\n- пункт\n\n## Раздел ##\nЕщё", null);
        assertThat(p.title()).isEqualTo("Заголовок");
        assertThat(p.headings()).hasSize(2);
        assertThat(p.headings().get(1).text()).isEqualTo("Раздел");
        assertThat(p.paragraphs()).containsExactly("Текст со ссылкой и жирным.\nпункт", "Ещё");
    }

    @Test
    void usageCountsEveryBriefTermAgreeingWithTheScore() {
        var usage = ENGINE.termUsage(GOOD, null, BRIEF);
        assertThat(usage).hasSize(BRIEF.terms().size());
        assertThat(usage).extracting(TermUsage::term).containsExactlyElementsOf(BRIEF.terms().stream().map(t -> t.term()).toList());
        ContentScore score = ENGINE.score(GOOD, null, BRIEF);
        // the terms the score calls missing are exactly the ones counted 0 (the score lists at most a few of them)
        for (TermUsage missing : score.missingTerms()) {
            assertThat(usage).filteredOn(u -> u.term().equals(missing.term())).extracting(TermUsage::count).containsExactly(0);
        }
        for (TermUsage under : score.underusedTerms()) {
            assertThat(usage).filteredOn(u -> u.term().equals(under.term())).extracting(TermUsage::count).containsExactly(under.count());
        }
        assertThat(usage).anyMatch(u -> u.count() > 0);
        assertThat(ENGINE.termUsage("", null, BRIEF)).allMatch(u -> u.count() == 0);
    }
}
