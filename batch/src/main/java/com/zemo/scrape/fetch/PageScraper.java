package com.zemo.scrape.fetch;

import com.zemo.scrape.extract.PageExtractor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * One URL in, one {@link ScrapedPage} out, never an exception for the page's own faults: fetch the bytes
 * ({@link HttpFetcher}), decode them ({@link CharsetDetector}), parse without JavaScript and extract
 * ({@link PageRenderer}, {@link PageExtractor}); if {@link JavaScriptNeed} says so, render with JavaScript and
 * extract again, keeping the rendering if it found more text. Thread-safe; one per job (or per benchmark).
 * <p>
 * {@code html_gzip} keeps what the extraction read: the body as received for a page parsed without JavaScript
 * (decode it with the stored charset), the rendered DOM in UTF-8 for a page rendered with it.
 */
public final class PageScraper implements AutoCloseable {
    private final HttpFetcher fetcher;
    private final PageRenderer renderer;

    public PageScraper(HttpFetcher fetcher, int workers, int jsWorkers) {
        this.fetcher = fetcher;
        Duration wait = fetcher.settings().timeout().compareTo(Duration.ofSeconds(3)) < 0 ? fetcher.settings().timeout() : Duration.ofSeconds(3);
        this.renderer = new PageRenderer(fetcher, workers, jsWorkers, wait);
    }

    public ScrapedPage scrape(int position, String url, JavaScriptMode mode) throws InterruptedException {
        long start = System.nanoTime();
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return ScrapedPage.failed(position, url, null, 0, 0, 0, FailureKind.BAD_URL, "not a URL: " + e.getMessage());
        }
        HttpFetcher.Response r;
        try {
            r = fetcher.fetch(uri);
        } catch (FetchException e) {
            return ScrapedPage.failed(position, url, e.lastUri() == null ? null : e.lastUri().toString(), e.status(), millis(start), 0,
                    e.kind(), e.getMessage());
        }
        String finalUrl = r.finalUri().toString();
        long bytes = r.body().length;
        if (r.status() < 200 || r.status() >= 300) {
            FailureKind kind = r.status() >= 500 ? FailureKind.HTTP_5XX : r.status() >= 400 ? FailureKind.HTTP_4XX : FailureKind.NOT_HTML;
            return ScrapedPage.failed(position, url, finalUrl, r.status(), millis(start), bytes, kind,
                    "HTTP " + r.status() + (r.attempts() > 1 ? " after " + r.attempts() + " attempts" : ""));
        }
        CharsetDetector.Detected cs = CharsetDetector.detect(r.body(), r.contentType());
        String html = cs.decode(r.body());
        try {
            PageExtractor.Extracted plain = renderer.render(html, r.finalUri(), false, p -> PageExtractor.extract(p, r.finalUri()));
            Optional<String> js = JavaScriptNeed.reason(mode, html, plain.wordCount());
            if (js.isEmpty()) {
                return new ScrapedPage(position, url, finalUrl, r.status(), cs.charset().name(), plain, gzip(r.body()),
                        false, null, millis(start), bytes, null, null);
            }
            String[] dom = new String[1];
            PageExtractor.Extracted rendered = renderer.render(html, r.finalUri(), true, p -> {
                dom[0] = p.asXml();
                return PageExtractor.extract(p, r.finalUri());
            });
            boolean better = mode == JavaScriptMode.ON || rendered.wordCount() > plain.wordCount();
            return better
                    ? new ScrapedPage(position, url, finalUrl, r.status(), cs.charset().name(), rendered,
                            gzip(dom[0].getBytes(StandardCharsets.UTF_8)), true, js.get(), millis(start), bytes, null, null)
                    : new ScrapedPage(position, url, finalUrl, r.status(), cs.charset().name(), plain, gzip(r.body()),
                            true, js.get() + "; rendering found no more text, kept the plain parse", millis(start), bytes, null, null);
        } catch (IOException | RuntimeException e) {
            return ScrapedPage.failed(position, url, finalUrl, r.status(), millis(start), bytes, FailureKind.NOT_HTML,
                    "could not parse the page: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        renderer.close();
    }
}
