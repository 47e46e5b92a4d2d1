package com.zemo.analysis.engine.competitors;

import static org.assertj.core.api.Assertions.assertThat;

import com.zemo.analysis.engine.Fixtures;
import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.metrics.AnalyzedPage;
import com.zemo.analysis.engine.metrics.PageAnalyzer;
import com.zemo.analysis.engine.metrics.Zone;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompetitorAnalyzerTest {

    private final PageAnalyzer pageAnalyzer = new PageAnalyzer();
    private final CompetitorAnalyzer analyzer = new CompetitorAnalyzer();

    private List<AnalyzedPage> pages() {
        return Fixtures.windowPages().stream().map(p -> pageAnalyzer.analyze(p, Language.RU)).toList();
    }

    @Test
    void excludesMarketplaceWithReasonAndUsesTheRest() {
        CompetitorAnalysis a = analyzer.analyze("пластиковые окна", Language.RU, pages(), CompetitorOptions.DEFAULT);
        assertThat(a.pagesTotal()).isEqualTo(4);
        assertThat(a.pagesIncluded()).isEqualTo(3);
        PageVerdict ozon = a.verdicts().get(3);
        assertThat(ozon.included()).isFalse();
        assertThat(ozon.reason()).isEqualTo("marketplace (ozon.ru)");
        assertThat(ozon.host()).isEqualTo("ozon.ru");

        int[] words = pages().subList(0, 3).stream().mapToInt(AnalyzedPage::wordCount).toArray();
        assertThat(a.length().median()).isEqualTo(Stats.median(words));
        assertThat(a.length().recommendedMin()).isLessThanOrEqualTo(a.length().recommendedMax());

        // Terms all three content pages use; "купить" is only pushed by the marketplace.
        assertThat(a.terms()).extracting(TermStat::term).contains("стеклопакет", "профиль", "монтаж", "фурнитура");
        assertThat(a.terms()).extracting(TermStat::term).doesNotContain("скидка", "рейтинг");
        TermStat glass = a.terms().stream().filter(t -> t.term().equals("стеклопакет")).findFirst().orElseThrow();
        assertThat(glass.pages()).isEqualTo(3);
        assertThat(glass.share()).isEqualTo(1.0);
        assertThat(glass.minOccurrences()).isLessThanOrEqualTo((int) glass.medianOccurrences());
        assertThat(glass.recommendedMin()).isGreaterThanOrEqualTo(1);
        assertThat(glass.zonePages()).containsKeys(Zone.H2_H6, Zone.BODY);
        assertThat(a.terms()).allMatch(t -> t.weight() >= 0 && t.weight() <= 1);
        assertThat(a.terms().get(0).weight()).isEqualTo(1.0);
        assertThat(a.terms()).anyMatch(t -> t.term().equals("пластиковый окно") && t.inKeyword() && t.phrase());

        assertThat(a.headingTopics()).extracting(HeadingTopic::topic).contains("стеклопакет", "монтаж");
        assertThat(a.questions()).extracting(QuestionStat::text)
                .anyMatch(q -> q.startsWith("Как выбрать стеклопакет"));
        assertThat(a.questions()).anyMatch(q -> q.key().contains("стоить") && q.pages() >= 2);
    }

    @Test
    void callerCanForceIncludeAndExclude() {
        CompetitorOptions opts = CompetitorOptions.DEFAULT
                .withForceInclude(Set.of("https://www.ozon.ru/category/okna-plastikovye/"))
                .withForceExclude(Set.of("https://okna-expert.com/vybor"));
        CompetitorAnalysis a = analyzer.analyze("пластиковые окна", Language.RU, pages(), opts);
        assertThat(a.verdicts().get(3).included()).isTrue();
        assertThat(a.verdicts().get(3).reason()).startsWith("included by caller despite marketplace");
        assertThat(a.verdicts().get(2)).extracting(PageVerdict::included, PageVerdict::reason)
                .containsExactly(false, "excluded by caller");
        assertThat(a.pagesIncluded()).isEqualTo(3);
    }

    @Test
    void noPageLeftGivesAWarningNotAnError() {
        CompetitorAnalysis a = analyzer.analyze("пластиковые окна", Language.RU, pages().subList(3, 4),
                CompetitorOptions.DEFAULT);
        assertThat(a.pagesIncluded()).isZero();
        assertThat(a.terms()).isEmpty();
        assertThat(a.warnings()).hasSize(1);
    }

    @Test
    void domainMatching() {
        ExcludedDomains d = ExcludedDomains.defaults();
        assertThat(d.match("https://ru.wikipedia.org/wiki/Окно")).map(ExcludedDomains.Entry::category).contains("encyclopedia");
        assertThat(d.match("https://www.amazon.co.uk/s?k=shoes")).isPresent();
        assertThat(d.match("https://market.yandex.ru/catalog")).isPresent();
        assertThat(d.match("https://notamazon.com/")).isEmpty();
        assertThat(d.match("https://okna.ru/")).isEmpty();
        assertThat(d.match("not a url")).isEmpty();
    }

    @Test
    void quantiles() {
        assertThat(Stats.quantile(new int[] {1, 2, 3, 4}, 0.25)).isEqualTo(1.75);
        assertThat(Stats.median(new int[] {5, 1, 3})).isEqualTo(3.0);
        assertThat(Stats.median(new int[0])).isZero();
    }
}
