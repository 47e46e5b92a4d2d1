package com.zemo.scrape.fetch;

import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.StringWebResponse;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.SilentJavaScriptErrorListener;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * HtmlUnit WebClients, pooled and reused: parse-only clients (built without a JavaScript engine at all: a few MB
 * each) for every page, and a smaller pool of JavaScript clients (tens of MB each) for the pages that need
 * rendering. A caller borrows a client only for the parse/render and the extraction, not while bytes travel.
 */
public final class PageRenderer implements AutoCloseable {
    /** Scripts and XHR one rendered page may load. */
    static final int MAX_RESOURCES_PER_PAGE = 40;

    private final HttpFetcher fetcher;
    private final Duration scriptWait;
    private final Pool plain;
    private final Pool scripted;

    public PageRenderer(HttpFetcher fetcher, int plainClients, int jsClients, Duration scriptWait) {
        this.fetcher = fetcher;
        this.scriptWait = scriptWait;
        this.plain = new Pool(Math.max(1, plainClients), false);
        this.scripted = new Pool(Math.max(1, jsClients), true);
    }

    /**
     * Parses {@code html} as the page at {@code url} (JavaScript run if {@code js}) and applies {@code use} to it
     * while the client is held.
     */
    public <T> T render(String html, URI url, boolean js, Function<HtmlPage, T> use) throws IOException, InterruptedException {
        Pool pool = js ? scripted : plain;
        Client c = pool.borrow();
        Page page = null;
        try {
            c.connection.reset();
            page = c.web.loadWebResponseInto(new StringWebResponse(html, StandardCharsets.UTF_8, url.toURL()), c.web.getCurrentWindow());
            if (js) {
                c.web.waitForBackgroundJavaScript(scriptWait.toMillis());
            }
            if (!(page instanceof HtmlPage hp)) {
                throw new IOException("not an HTML page (" + (page == null ? "nothing" : page.getClass().getSimpleName()) + ")");
            }
            return use.apply(hp);
        } finally {
            if (page != null) {
                if (js) {
                    c.web.getCurrentWindow().getJobManager().removeAllJobs();
                }
                page.cleanUp();
            }
            pool.giveBack(c);
        }
    }

    @Override
    public void close() {
        plain.close();
        scripted.close();
    }

    private record Client(WebClient web, GuardedWebConnection connection) {
    }

    /** At most {@code size} clients, created on first need, reused after. */
    private final class Pool {
        private final BlockingQueue<Client> idle = new LinkedBlockingQueue<>();
        private final BlockingQueue<Client> every = new LinkedBlockingQueue<>();
        private final Semaphore permits;
        private final boolean js;

        Pool(int size, boolean js) {
            this.permits = new Semaphore(size);
            this.js = js;
        }

        Client borrow() throws InterruptedException {
            permits.acquire();
            Client c = idle.poll();
            if (c == null) {
                try {
                    c = create();
                } catch (RuntimeException e) {
                    permits.release();
                    throw e;
                }
                every.add(c);
            }
            return c;
        }

        void giveBack(Client c) {
            idle.add(c);
            permits.release();
        }

        private Client create() {
            WebClient web = new WebClient(BrowserVersion.BEST_SUPPORTED, js, null, -1);
            var o = web.getOptions();
            o.setJavaScriptEnabled(js);
            o.setCssEnabled(false);
            o.setDownloadImages(false);
            o.setRedirectEnabled(false);
            o.setThrowExceptionOnFailingStatusCode(false);
            o.setThrowExceptionOnScriptError(false);
            o.setPrintContentOnFailingStatusCode(false);
            o.setWebSocketEnabled(false);
            o.setGeolocationEnabled(false);
            o.setHistorySizeLimit(0);
            o.setHistoryPageCacheLimit(0);
            o.setTimeout((int) fetcher.settings().timeout().toMillis());
            web.setJavaScriptErrorListener(new SilentJavaScriptErrorListener());
            web.setIncorrectnessListener((message, origin) -> { });
            web.setCssErrorHandler(new org.htmlunit.SilentCssErrorHandler());
            web.setHTMLParserListener(null);
            web.setRefreshHandler((page, url, seconds) -> { });   // a <meta refresh> must not replace the page we read
            if (js) {
                web.setJavaScriptTimeout(Math.max(1000, scriptWait.toMillis()));
            }
            GuardedWebConnection connection = new GuardedWebConnection(js ? fetcher : null, MAX_RESOURCES_PER_PAGE);
            web.setWebConnection(connection);
            return new Client(web, connection);
        }

        void close() {
            Client c;
            while ((c = every.poll()) != null) {
                try {
                    c.web.close();
                } catch (RuntimeException ignored) {
                    // closing anyway
                }
            }
            idle.clear();
        }
    }
}
