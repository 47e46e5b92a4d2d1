package com.zemo.scrape.fetch;

import org.htmlunit.HttpMethod;
import org.htmlunit.WebConnection;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.WebResponseData;
import org.htmlunit.util.NameValuePair;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything a rendering WebClient loads (scripts, XHR, frames) goes through the {@link HttpFetcher}, so the SSRF
 * guard, the byte cap and the timeout hold for a page's resources too. GET only, no retries, at most
 * {@code maxRequests} per page; anything else gets an empty synthetic response instead of the network.
 * With {@code fetcher == null} nothing is fetched at all (the parse-only clients: no frame is loaded behind our back).
 */
final class GuardedWebConnection implements WebConnection {
    private final HttpFetcher fetcher;
    private final int maxRequests;
    private final AtomicInteger used = new AtomicInteger();

    GuardedWebConnection(HttpFetcher fetcher, int maxRequests) {
        this.fetcher = fetcher;
        this.maxRequests = maxRequests;
    }

    /** A new page starts: its own budget of requests. */
    void reset() {
        used.set(0);
    }

    @Override
    public WebResponse getResponse(WebRequest request) throws IOException {
        long start = System.currentTimeMillis();
        if (fetcher == null || request.getHttpMethod() != HttpMethod.GET || used.incrementAndGet() > maxRequests) {
            return empty(request, 204, start);
        }
        try {
            HttpFetcher.Response r = fetcher.fetch(request.getUrl().toURI(), 0, false);
            List<NameValuePair> headers = new ArrayList<>();
            if (r.contentType() != null) {
                headers.add(new NameValuePair("Content-Type", r.contentType()));
            }
            return new WebResponse(new WebResponseData(r.body(), r.status(), "", headers), request,
                    System.currentTimeMillis() - start);
        } catch (FetchException e) {
            return empty(request, e.status() > 0 ? e.status() : 502, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (URISyntaxException e) {
            return empty(request, 400, start);
        }
    }

    private static WebResponse empty(WebRequest request, int status, long start) {
        return new WebResponse(new WebResponseData(new byte[0], status, "", List.of()), request, System.currentTimeMillis() - start);
    }

    @Override
    public void close() {
        // the HttpFetcher's client is shared and outlives every WebClient
    }
}
