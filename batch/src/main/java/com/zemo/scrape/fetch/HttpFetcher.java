package com.zemo.scrape.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gets the bytes of a page over one shared {@link HttpClient}: redirects followed here (each hop checked by the
 * {@link AddressGuard} and counted), the body read into memory only up to {@code maxBytes}, one deadline per
 * attempt covering every hop and the body, and retries with exponential backoff and jitter on 5xx, 429 and I/O
 * errors (never on other 4xx), honouring a short {@code Retry-After}.
 * <p>
 * Why not HtmlUnit's own HTTP: it reads a whole body before anyone can look at its size (into memory, or a temp
 * file past 500 KB), follows redirects inside Apache HttpClient where no hop can be checked, and costs a WebClient
 * per concurrent fetch. Here a fetch costs its body; HtmlUnit only parses (and renders where needed) the bytes.
 */
public final class HttpFetcher {
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

    /** How fetches behave; {@code backoff} is the first retry's delay (doubling after). */
    public record Settings(String userAgent, Duration timeout, long maxBytes, int maxRedirects, int retries, Duration backoff) {
    }

    /** A final (non-redirect) response: 2xx or not, the caller decides. */
    public record Response(URI requested, URI finalUri, int status, String contentType, byte[] body, List<URI> redirects,
                           int attempts, Duration retryAfter) {
    }

    private final HttpClient client;
    private final AddressGuard guard;
    private final Settings settings;

    public HttpFetcher(AddressGuard guard, Settings settings) {
        this.guard = guard;
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout())
                .build();
    }

    public Settings settings() {
        return settings;
    }

    public AddressGuard guard() {
        return guard;
    }

    /** Fetches with the configured retries. */
    public Response fetch(URI uri) throws FetchException, InterruptedException {
        return fetch(uri, settings.retries(), true);
    }

    /**
     * @param retries    further attempts after the first on a retryable failure
     * @param htmlOnly   refuse a 2xx body that is not HTML without reading it (pages); false for a page's scripts
     */
    public Response fetch(URI uri, int retries, boolean htmlOnly) throws FetchException, InterruptedException {
        FetchException last = null;
        for (int attempt = 1; attempt <= retries + 1; attempt++) {
            Duration retryAfter = null;
            try {
                Response r = once(uri, htmlOnly, attempt);
                if (!retryableStatus(r.status()) || attempt > retries) {
                    return r;
                }
                last = new FetchException(FailureKind.HTTP_5XX, r.status(), r.finalUri(), "HTTP " + r.status());
                retryAfter = r.retryAfter();
            } catch (FetchException e) {
                if (!e.kind().retryable() || attempt > retries) {
                    throw e;
                }
                last = e;
            }
            Thread.sleep(delay(attempt, retryAfter).toMillis());
        }
        throw last;
    }

    private Response once(URI start, boolean htmlOnly, int attempt) throws FetchException, InterruptedException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        URI uri = start;
        List<URI> hops = new ArrayList<>();
        for (int hop = 0; ; hop++) {
            Optional<String> refused = guard.refusal(uri);
            if (refused.isPresent()) {
                throw new FetchException(FailureKind.REFUSED, 0, uri, "refused: " + refused.get());
            }
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remaining <= 0) {
                throw timeout(uri);
            }
            HttpRequest req = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMillis(remaining))
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                    .header("Accept-Language", "ru,en;q=0.8")
                    .GET().build();
            HttpResponse<byte[]> res = send(req, uri, htmlOnly, remaining);
            int status = res.statusCode();
            if (isRedirect(status)) {
                Optional<String> location = res.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return response(start, uri, res, hops, attempt);
                }
                if (hop >= settings.maxRedirects()) {
                    throw new FetchException(FailureKind.REDIRECTS, status, uri,
                            "more than " + settings.maxRedirects() + " redirects (last to " + location.get() + ")");
                }
                URI next;
                try {
                    next = uri.resolve(location.get().trim().replace(" ", "%20"));
                } catch (IllegalArgumentException e) {
                    throw new FetchException(FailureKind.BAD_URL, status, uri, "bad redirect Location: " + location.get());
                }
                hops.add(next);
                uri = next;
                continue;
            }
            return response(start, uri, res, hops, attempt);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest req, URI uri, boolean htmlOnly, long remainingMillis)
            throws FetchException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(req, info -> {
            int s = info.statusCode();
            if (isRedirect(s)) {
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            if (htmlOnly && s >= 200 && s < 300 && !isHtml(info.headers().firstValue("Content-Type").orElse(null))) {
                return HttpResponse.BodySubscribers.replacing(null);
            }
            return new CappedBody(settings.maxBytes(), info.headers().firstValueAsLong("Content-Length").orElse(-1));
        });
        try {
            HttpResponse<byte[]> res = f.get(remainingMillis, TimeUnit.MILLISECONDS);
            if (res.body() == null && res.statusCode() >= 200 && res.statusCode() < 300) {
                throw new FetchException(FailureKind.NOT_HTML, res.statusCode(), uri,
                        "not an HTML page (Content-Type: " + res.headers().firstValue("Content-Type").orElse("none") + ")");
            }
            return res;
        } catch (TimeoutException e) {
            f.cancel(true);
            throw timeout(uri);
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof CappedBody.TooBig big) {
                throw new FetchException(FailureKind.TOO_BIG, 200, uri, "page larger than " + settings.maxBytes() + " bytes"
                        + (big.seen > 0 ? " (" + big.seen + " bytes seen)" : "") + ": not stored");
            }
            if (c instanceof HttpTimeoutException) {
                throw timeout(uri);
            }
            if (c instanceof IOException) {
                throw new FetchException(FailureKind.IO, 0, uri, c.getClass().getSimpleName()
                        + (c.getMessage() == null ? "" : ": " + c.getMessage()));
            }
            throw new FetchException(FailureKind.IO, 0, uri, String.valueOf(c));
        } catch (IllegalArgumentException e) {
            throw new FetchException(FailureKind.BAD_URL, 0, uri, "bad URL: " + e.getMessage());
        }
    }

    private FetchException timeout(URI uri) {
        return new FetchException(FailureKind.TIMEOUT, 0, uri, "no complete response within " + settings.timeout().toSeconds() + " s");
    }

    private static Response response(URI start, URI uri, HttpResponse<byte[]> res, List<URI> hops, int attempt) {
        Duration retryAfter = res.headers().firstValue("Retry-After").filter(v -> v.trim().matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.trim()))).orElse(null);   // an HTTP date is not honoured
        return new Response(start, uri, res.statusCode(), res.headers().firstValue("Content-Type").orElse(null),
                res.body() == null ? new byte[0] : res.body(), List.copyOf(hops), attempt, retryAfter);
    }

    static boolean isRedirect(int s) {
        return s == 301 || s == 302 || s == 303 || s == 307 || s == 308;
    }

    static boolean retryableStatus(int s) {
        return s >= 500 || s == 429 || s == 408;
    }

    /** HTML, XHTML, or no Content-Type at all (browsers sniff; so do we, by parsing). */
    static boolean isHtml(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.startsWith("text/html") || ct.startsWith("application/xhtml");
    }

    private Duration delay(int attempt, Duration retryAfter) {
        long base = settings.backoff().toMillis() << Math.min(attempt - 1, 6);
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, base / 2));
        Duration d = Duration.ofMillis(base + jitter);
        if (retryAfter != null && retryAfter.compareTo(d) > 0) {
            d = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        return d;
    }
}
