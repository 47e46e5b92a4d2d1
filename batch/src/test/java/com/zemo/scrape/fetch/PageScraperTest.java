package com.zemo.scrape.fetch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fetcher as a component (no server boot): {@link PageScraper} over real HTTP against {@link FixtureServer},
 * one case per fixture. Timeout 2 s, cap 5 MB, 3 redirects, 1 retry.
 */
class PageScraperTest {
    private static FixtureServer server;
    private static PageScraper scraper;

    static HttpFetcher.Settings settings() {
        return new HttpFetcher.Settings("ZemoTest/1.0", Duration.ofSeconds(2), 5L * 1024 * 1024, 3, 1, Duration.ofMillis(50));
    }

    @BeforeAll
    static void start() throws Exception {
        server = new FixtureServer();
        scraper = new PageScraper(new HttpFetcher(new AddressGuard(true), settings()), 2, 1);
    }

    @AfterAll
    static void stop() {
        scraper.close();
        server.close();
    }

    private ScrapedPage scrape(String path, JavaScriptMode mode) throws InterruptedException {
        return scraper.scrape(0, server.url(path), mode);
    }

    private static String gunzip(byte[] gz) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aUtf8PageWithoutJavaScript() throws Exception {
        ScrapedPage p = scrape("/utf8", JavaScriptMode.AUTO);
        assertThat(p.ok()).as(p.error()).isTrue();
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.charset()).isEqualTo("UTF-8");
        assertThat(p.usedJavaScript()).isFalse();
        assertThat(p.extracted().title()).isEqualTo("Пластиковые окна: как выбрать профиль и стеклопакет");
        assertThat(p.extracted().mainText()).contains("Двухкамерный стеклопакет теплее однокамерного").doesNotContain("Каталог");
        assertThat(p.bytes()).isGreaterThan(3000);
        assertThat(gunzip(p.htmlGzip())).contains("<h1>Как выбрать пластиковые окна</h1>");
        assertThat(p.logLine()).contains("→ 200").contains("no JavaScript").contains("words");
    }

    @Test
    void aWindows1251PageWithTheCharsetOnlyInMeta() throws Exception {
        ScrapedPage p = scrape("/cp1251", JavaScriptMode.AUTO);
        assertThat(p.ok()).as(p.error()).isTrue();
        assertThat(p.charset()).isEqualTo("windows-1251");
        assertThat(p.extracted().title()).isEqualTo("Купить пластиковые окна в Москве недорого");
        assertThat(p.extracted().mainText()).contains("Ёлочные игрушки тут ни при чём: проверка буквы ё и ещё раз «кавычки».");
        assertThat(p.extracted().outline()).extracting(h -> h.text()).containsExactly("Пластиковые окна от производителя", "Цены на окна");
    }

    @Test
    void aBomOverALyingMeta() throws Exception {
        ScrapedPage p = scrape("/bom", JavaScriptMode.AUTO);
        assertThat(p.charset()).isEqualTo("UTF-8");
        assertThat(p.extracted().title()).isEqualTo("Страница с BOM");
        assertThat(p.extracted().mainText()).contains("Метка порядка байтов важнее тега meta");
    }

    @Test
    void aPageBuiltByJavaScriptIsRenderedInAutoMode() throws Exception {
        ScrapedPage p = scrape("/js", JavaScriptMode.AUTO);
        assertThat(p.ok()).as(p.error()).isTrue();
        assertThat(p.usedJavaScript()).isTrue();
        assertThat(p.javaScriptReason()).contains("words without JavaScript");
        assertThat(p.extracted().outline()).extracting(h -> h.text()).containsExactly("Текст из JavaScript");
        assertThat(p.extracted().mainText()).contains("Абзац номер 12 построен скриптом").doesNotContain("Включите JavaScript");
        assertThat(gunzip(p.htmlGzip())).contains("Абзац номер 12");
        assertThat(p.logLine()).contains("JavaScript (");
    }

    @Test
    void anExternalScriptIsFetchedThroughTheGuardedConnection() throws Exception {
        int before = server.hits("/app.js");
        ScrapedPage p = scrape("/js-external", JavaScriptMode.AUTO);
        assertThat(p.usedJavaScript()).isTrue();
        assertThat(p.extracted().mainText()).contains("Paragraph 15 was written by an external script");
        assertThat(server.hits("/app.js")).isEqualTo(before + 1);
    }

    @Test
    void javascriptOffLeavesTheShellAndOnRendersEvenATextPage() throws Exception {
        ScrapedPage off = scrape("/js", JavaScriptMode.OFF);
        assertThat(off.usedJavaScript()).isFalse();
        assertThat(off.extracted().mainText()).doesNotContain("Абзац");
        ScrapedPage on = scrape("/utf8", JavaScriptMode.ON);
        assertThat(on.usedJavaScript()).isTrue();
        assertThat(on.extracted().mainText()).contains("Двухкамерный стеклопакет");
    }

    @Test
    void aRedirectChainIsFollowedHopByHop() throws Exception {
        ScrapedPage p = scrape("/redirect/1", JavaScriptMode.OFF);
        assertThat(p.ok()).as(p.error()).isTrue();
        assertThat(p.finalUrl()).isEqualTo(server.url("/utf8"));
        assertThat(p.logLine()).contains("final URL " + server.url("/utf8"));
    }

    @Test
    void tooManyRedirects() throws Exception {
        ScrapedPage p = scrape("/loop", JavaScriptMode.OFF);
        assertThat(p.failure()).isEqualTo(FailureKind.REDIRECTS);
        assertThat(p.error()).contains("more than 3 redirects");
    }

    @Test
    void notFoundIsStoredAsAFailureAndNotRetried() throws Exception {
        int before = server.hits("/missing");
        ScrapedPage p = scrape("/missing", JavaScriptMode.AUTO);
        assertThat(p.failure()).isEqualTo(FailureKind.HTTP_4XX);
        assertThat(p.status()).isEqualTo(404);
        assertThat(p.error()).isEqualTo("HTTP 404");
        assertThat(server.hits("/missing")).isEqualTo(before + 1);
    }

    @Test
    void a500IsRetriedAndThe200Kept() throws Exception {
        ScrapedPage p = scraper.scrape(0, server.url("/flaky?case=retry"), JavaScriptMode.OFF);
        assertThat(p.ok()).as(p.error()).isTrue();
        assertThat(p.status()).isEqualTo(200);
        assertThat(server.hits("/flaky?case=retry")).isEqualTo(2);
    }

    @Test
    void a503WithRetryAfterIsRetriedNoSoonerThanAsked() throws Exception {
        long t = System.nanoTime();
        ScrapedPage p = scrape("/retry-after", JavaScriptMode.OFF);
        assertThat(p.ok()).as(p.error()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(server.hits("/retry-after")).isEqualTo(2);
    }

    @Test
    void a500ThatStaysIsAFailureAfterTheRetries() throws Exception {
        int before = server.hits("/always500");
        ScrapedPage p = scrape("/always500", JavaScriptMode.OFF);
        assertThat(p.failure()).isEqualTo(FailureKind.HTTP_5XX);
        assertThat(p.status()).isEqualTo(500);
        assertThat(p.error()).isEqualTo("HTTP 500 after 2 attempts");
        assertThat(server.hits("/always500")).isEqualTo(before + 2);
    }

    @Test
    void aSlowPageTimesOut() throws Exception {
        long t = System.nanoTime();
        ScrapedPage p = scrape("/slow", JavaScriptMode.OFF);
        assertThat(p.failure()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(p.error()).contains("within 2 s");
        // Two attempts of 2 s and a short backoff, far from the page's 8 s.
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofMillis(6000));
    }

    @Test
    void aPageThatDribblesPastTheDeadlineTimesOutToo() throws Exception {
        ScrapedPage p = scraper.scrape(0, server.url("/dribble"), JavaScriptMode.OFF);
        assertThat(p.failure()).isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void a20MegabytePageIsCutOffAtTheCapWithoutReadingIt() throws Exception {
        Runtime rt = Runtime.getRuntime();
        ScrapedPage streamed = scrape("/huge", JavaScriptMode.OFF);
        assertThat(streamed.failure()).isEqualTo(FailureKind.TOO_BIG);
        assertThat(streamed.error()).startsWith("page larger than 5242880 bytes");
        ScrapedPage declared = scrape("/huge-declared", JavaScriptMode.OFF);
        assertThat(declared.failure()).isEqualTo(FailureKind.TOO_BIG);
        assertThat(declared.error()).contains("(20971520 bytes seen)");
        assertThat(rt.totalMemory() - rt.freeMemory()).isLessThan(rt.maxMemory());
    }

    @Test
    void somethingThatIsNotHtml() throws Exception {
        ScrapedPage p = scrape("/image.png", JavaScriptMode.OFF);
        assertThat(p.failure()).isEqualTo(FailureKind.NOT_HTML);
        assertThat(p.error()).contains("image/png");
    }

    @Test
    void aBrokenUrl() throws Exception {
        assertThat(scraper.scrape(0, "http://exa mple.com/", JavaScriptMode.OFF).failure()).isEqualTo(FailureKind.BAD_URL);
        assertThat(scraper.scrape(0, "ftp://example.com/", JavaScriptMode.OFF).failure()).isEqualTo(FailureKind.REFUSED);
    }

    /** The guard as production runs it (allow-private=false); the fixture's own 127.0.0.1 is trusted for the first hop only. */
    @Test
    void withPrivateAddressesRefusedRedirectsToMetadataOrLocalhostAndNamesResolvingToLoopbackAreRefused() throws Exception {
        AddressGuard.Resolver dns = host -> {
            if (host.equals("rebound.example")) {
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }
            throw new UnknownHostException(host);
        };
        AddressGuard strict = new AddressGuard(false, dns).trusting(Set.of("127.0.0.1"));
        try (PageScraper guarded = new PageScraper(new HttpFetcher(strict, settings()), 1, 1)) {
            assertThat(guarded.scrape(0, server.url("/utf8"), JavaScriptMode.OFF).ok()).isTrue();

            ScrapedPage metadata = guarded.scrape(0, server.url("/to-metadata"), JavaScriptMode.OFF);
            assertThat(metadata.failure()).isEqualTo(FailureKind.REFUSED);
            assertThat(metadata.error()).contains("169.254.169.254");
            assertThat(metadata.finalUrl()).isEqualTo("http://169.254.169.254/latest/meta-data/");

            ScrapedPage local = guarded.scrape(0, server.url("/to-localhost"), JavaScriptMode.OFF);
            assertThat(local.failure()).isEqualTo(FailureKind.REFUSED);
            assertThat(local.error()).contains("localhost");

            int before = server.hits("/utf8");
            ScrapedPage rebound = guarded.scrape(0, "http://rebound.example:" + server.port() + "/utf8", JavaScriptMode.OFF);
            assertThat(rebound.failure()).isEqualTo(FailureKind.REFUSED);
            assertThat(rebound.error()).contains("resolves to the non-public address 127.0.0.1");
            ScrapedPage decimal = guarded.scrape(0, "http://2130706433:" + server.port() + "/utf8", JavaScriptMode.OFF);
            assertThat(decimal.failure()).isEqualTo(FailureKind.REFUSED);
            assertThat(server.hits("/utf8")).isEqualTo(before); // refused before any connection
        }
    }
}
