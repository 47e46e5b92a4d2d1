package com.zemo.scrape.extract;

import com.zemo.scrape.fetch.AddressGuard;
import com.zemo.scrape.fetch.FixtureServer;
import com.zemo.scrape.fetch.HttpFetcher;
import com.zemo.scrape.fetch.PageRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Extraction on realistic fixture pages, parsed by HtmlUnit as in production (without JavaScript). */
class PageExtractorTest {
    private static PageRenderer renderer;

    @BeforeAll
    static void parser() {
        HttpFetcher fetcher = new HttpFetcher(new AddressGuard(true),
                new HttpFetcher.Settings("test", Duration.ofSeconds(5), 1 << 20, 3, 0, Duration.ofMillis(10)));
        renderer = new PageRenderer(fetcher, 1, 1, Duration.ofSeconds(1));
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    static PageExtractor.Extracted extract(String html, String url) throws Exception {
        URI u = URI.create(url);
        return renderer.render(html, u, false, p -> PageExtractor.extract(p, u));
    }

    @Test
    void anArticleWithSiteChromeAroundIt() throws Exception {
        PageExtractor.Extracted e = extract(FixtureServer.resource("article-utf8.html"), "https://okna-pro.test/blog/okna");

        assertThat(e.title()).isEqualTo("Пластиковые окна: как выбрать профиль и стеклопакет");
        assertThat(e.metaDescription()).isEqualTo("Разбираемся, какой профиль и стеклопакет выбрать для квартиры и дома.");
        assertThat(e.outline()).containsExactly(
                new PageExtractor.Heading(1, "Как выбрать пластиковые окна"),
                new PageExtractor.Heading(2, "Профиль"),
                new PageExtractor.Heading(3, "Армирование"),
                new PageExtractor.Heading(2, "Стеклопакет"),
                new PageExtractor.Heading(2, "Фурнитура"),
                new PageExtractor.Heading(4, "Читайте также"),
                new PageExtractor.Heading(3, "Популярное"));

        String text = e.mainText();
        assertThat(text.lines().findFirst()).hasValue("Как выбрать пластиковые окна");
        assertThat(text)
                .contains("Пластиковые окна служат тридцать лет")          // the article's own <header> stays
                .contains("Подробнее о профилях — в нашем обзоре.")       // inline links keep their text
                .contains("однокамерный — для балконов и дач;")           // a content list without links stays
                .contains("Сравнение брендов есть на сайте производителя.")
                .doesNotContain("Каталог").doesNotContain("Главная")       // nav, breadcrumbs
                .doesNotContain("Подоконники").doesNotContain("Уход за окнами") // the link list
                .doesNotContain("Популярное").doesNotContain("Статья один")   // aside
                .doesNotContain("Подпишитесь").doesNotContain("Все права")     // form, footer
                .doesNotContain("скрыт").doesNotContain("dataLayer").doesNotContain("font-family");
        assertThat(text.lines()).contains("Профиль", "Армирование", "Стеклопакет");
        assertThat(e.wordCount()).isEqualTo(PageExtractor.countWords(text)).isBetween(80, 120);
        assertThat(e.charCount()).isEqualTo(text.length());

        // Links of the whole page by host: relative and www. are internal; mailto/tel are not links to pages.
        assertThat(e.linksInternal()).isEqualTo(13);
        assertThat(e.linksExternal()).isEqualTo(2);
        assertThat(e.images()).containsExactly(
                new PageExtractor.Image("https://okna-pro.test/logo.png", "ОкнаПро"),
                new PageExtractor.Image("https://okna-pro.test/img/steklopaket.jpg", "Двухкамерный стеклопакет в разрезе"),
                new PageExtractor.Image("https://okna-pro.test/blog/images/furnitura.jpg", null));
        assertThat(e.outlineJson()).startsWith("[{\"level\":1,\"text\":\"Как выбрать пластиковые окна\"},{\"level\":2,");
        assertThat(e.imagesJson()).contains("{\"src\":\"https://okna-pro.test/blog/images/furnitura.jpg\",\"alt\":null}");
    }

    @Test
    void anOldTableLayoutPageWithAMenuCell() throws Exception {
        PageExtractor.Extracted e = extract(FixtureServer.resource("article-cp1251.html"), "http://okna.test/");
        assertThat(e.title()).isEqualTo("Купить пластиковые окна в Москве недорого");
        assertThat(e.metaDescription()).isEqualTo("Пластиковые окна от производителя: замер, доставка и монтаж.");
        assertThat(e.mainText()).isEqualTo("""
                Пластиковые окна от производителя
                Мы производим пластиковые окна с 2005 года. Замер бесплатный, монтаж занимает один день.
                Цены на окна
                Одностворчатое окно стоит от 5 900 рублей, двустворчатое — от 9 800 рублей с установкой.
                Ёлочные игрушки тут ни при чём: проверка буквы ё и ещё раз «кавычки».""");
        assertThat(e.linksInternal()).isEqualTo(4);
        assertThat(e.linksExternal()).isEqualTo(1);
    }

    @Test
    void linkListsGoButParagraphsWithAFewLinksStay() throws Exception {
        String html = """
                <html><body>
                <div><a href="/a">Один</a> <a href="/b">Два</a> <a href="/c">Три</a> <a href="/d">Четыре</a></div>
                <p>Текст абзаца, в котором есть <a href="/x">одна ссылка</a>, <a href="/y">вторая</a> и <a href="/z">третья</a>,
                   но слов вокруг них гораздо больше, чем в самих ссылках, поэтому абзац остаётся.</p>
                <ol><li><a href="/1">Первый пункт</a></li><li><a href="/2">Второй пункт</a></li><li><a href="/3">Третий</a> и немного текста</li></ol>
                <p>Теги: <a href="/t1">окна</a>, <a href="/t2">двери</a>, <a href="/t3">балконы</a></p>
                </body></html>""";
        PageExtractor.Extracted e = extract(html, "http://site.test/");
        assertThat(e.mainText()).startsWith("Текст абзаца, в котором есть одна ссылка, вторая и третья,")
                .doesNotContain("Один").doesNotContain("Первый пункт").doesNotContain("Теги");
        assertThat(e.mainText().lines().count()).isEqualTo(1);
        assertThat(e.linksInternal()).isEqualTo(13);
    }

    @Test
    void aDominantArticleIsTheContentWithoutAMainElement() throws Exception {
        String html = "<html><body><div class=\"top\">Шапка сайта без семантики</div><article><h1>Статья</h1><p>"
                + "Длинный текст статьи. ".repeat(20) + "</p></article><div>Подвал</div></body></html>";
        PageExtractor.Extracted e = extract(html, "http://site.test/");
        assertThat(e.mainText()).startsWith("Статья\nДлинный текст статьи.").doesNotContain("Шапка").doesNotContain("Подвал");
    }

    @Test
    void aMetaRefreshDoesNotReplaceThePage() throws Exception {
        PageExtractor.Extracted e = extract("<html><head><meta http-equiv=\"refresh\" content=\"0; url=http://elsewhere.test/\">"
                + "<title>Stays</title></head><body><p>Text that stays.</p></body></html>", "http://site.test/");
        assertThat(e.title()).isEqualTo("Stays");
        assertThat(e.mainText()).isEqualTo("Text that stays.");
    }

    @Test
    void anEmptyPage() throws Exception {
        PageExtractor.Extracted e = extract("<html><head></head><body></body></html>", "http://site.test/");
        assertThat(e.title()).isNull();
        assertThat(e.mainText()).isEmpty();
        assertThat(e.wordCount()).isZero();
        assertThat(e.outline()).isEmpty();
        assertThat(e.outlineJson()).isEqualTo("[]");
    }
}
