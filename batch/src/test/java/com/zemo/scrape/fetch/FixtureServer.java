package com.zemo.scrape.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pages the scraper is tested (and benchmarked) against, served on 127.0.0.1 by the JDK's HTTP server: UTF-8 and
 * windows-1251 pages (charset only in {@code <meta>}; a BOM over a lying meta), a page built by JavaScript (inline
 * and from an external script), a redirect chain, a redirect loop, a redirect to the cloud metadata address and
 * one to localhost, 404, 500 then 200 on retry, always 500, a page slower than any timeout (silent, and dribbling),
 * 20 MB pages (streamed, and with a declared length), an image, and generated pages for the benchmark.
 */
public final class FixtureServer implements AutoCloseable {
    public static final Charset CP1251 = Charset.forName("windows-1251");

    private final HttpServer server;
    private final ExecutorService pool;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public FixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fixture-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return base() + path;
    }

    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    public static String resource(String name) {
        try (InputStream in = FixtureServer.class.getResourceAsStream("/scrape/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String query = x.getRequestURI().getRawQuery();
        String key = path + (query == null ? "" : "?" + query);
        int hit = hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        try {
            switch (path) {
                case "/utf8" -> send(x, 200, "text/html; charset=utf-8", resource("article-utf8.html").getBytes(StandardCharsets.UTF_8));
                case "/cp1251" -> send(x, 200, "text/html", resource("article-cp1251.html").getBytes(CP1251));
                case "/bom" -> {
                    byte[] body = resource("bom-utf8.html").getBytes(StandardCharsets.UTF_8);
                    byte[] withBom = new byte[body.length + 3];
                    withBom[0] = (byte) 0xEF;
                    withBom[1] = (byte) 0xBB;
                    withBom[2] = (byte) 0xBF;
                    System.arraycopy(body, 0, withBom, 3, body.length);
                    send(x, 200, "text/html", withBom);
                }
                case "/js" -> send(x, 200, "text/html; charset=utf-8", resource("spa-inline.html").getBytes(StandardCharsets.UTF_8));
                case "/js-external" -> send(x, 200, "text/html; charset=utf-8", resource("spa-external.html").getBytes(StandardCharsets.UTF_8));
                case "/app.js" -> send(x, 200, "application/javascript", resource("app.js").getBytes(StandardCharsets.UTF_8));
                case "/redirect/1" -> redirect(x, 301, "/redirect/2");
                case "/redirect/2" -> redirect(x, 302, base() + "/redirect/3");
                case "/redirect/3" -> redirect(x, 307, "../utf8");
                case "/loop" -> redirect(x, 302, "/loop");
                case "/to-metadata" -> redirect(x, 302, "http://169.254.169.254/latest/meta-data/");
                case "/to-localhost" -> redirect(x, 302, "http://localhost:" + port() + "/utf8");
                case "/missing" -> send(x, 404, "text/html", "<html><body><h1>Not found</h1></body></html>".getBytes(StandardCharsets.UTF_8));
                case "/flaky" -> {
                    if (hit == 1) {
                        send(x, 500, "text/html", "<h1>oops</h1>".getBytes(StandardCharsets.UTF_8));
                    } else {
                        send(x, 200, "text/html; charset=utf-8", resource("article-utf8.html").getBytes(StandardCharsets.UTF_8));
                    }
                }
                case "/retry-after" -> {
                    if (hit == 1) {
                        x.getResponseHeaders().set("Retry-After", "1");
                        send(x, 503, "text/html", "<h1>busy</h1>".getBytes(StandardCharsets.UTF_8));
                    } else {
                        send(x, 200, "text/html; charset=utf-8", resource("article-utf8.html").getBytes(StandardCharsets.UTF_8));
                    }
                }
                case "/always500" -> send(x, 500, "text/html", "<h1>down</h1>".getBytes(StandardCharsets.UTF_8));
                case "/slow" -> {
                    Thread.sleep(8000);
                    send(x, 200, "text/html", "<p>late</p>".getBytes(StandardCharsets.UTF_8));
                }
                case "/dribble" -> {
                    x.getResponseHeaders().set("Content-Type", "text/html");
                    x.sendResponseHeaders(200, 0);
                    try (OutputStream out = x.getResponseBody()) {
                        for (int i = 0; i < 80; i++) {
                            out.write("<p>drip</p>\n".getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            Thread.sleep(100);
                        }
                    }
                }
                case "/huge", "/huge-declared" -> huge(x, 20 * 1024 * 1024, path.endsWith("declared"));
                case "/image.png" -> send(x, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
                default -> {
                    if (path.startsWith("/page/")) {
                        int n = Integer.parseInt(path.substring(6));
                        boolean cp = n % 7 == 3;
                        String html = BenchPages.article(n, cp);
                        send(x, 200, "text/html", html.getBytes(cp ? CP1251 : StandardCharsets.UTF_8));
                    } else if (path.startsWith("/spa/")) {
                        send(x, 200, "text/html; charset=utf-8", BenchPages.spa(Integer.parseInt(path.substring(5))).getBytes(StandardCharsets.UTF_8));
                    } else {
                        send(x, 404, "text/plain", "no such fixture".getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client hung up (timeouts, the size cap): expected in these tests
        } finally {
            x.close();
        }
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange x, int status, String location) throws IOException {
        x.getResponseHeaders().set("Location", location);
        x.sendResponseHeaders(status, -1);
    }

    private static void huge(HttpExchange x, int size, boolean declared) throws IOException {
        x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        x.sendResponseHeaders(200, declared ? size : 0);
        byte[] chunk = "<p>filler filler filler filler filler filler filler filler filler filler</p>\n".repeat(100)
                .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = x.getResponseBody()) {
            out.write("<html><body>".getBytes(StandardCharsets.UTF_8));
            int written = 12;
            while (written < size) {
                int n = Math.min(chunk.length, size - written);
                out.write(chunk, 0, n);
                written += n;
            }
        }
    }

    /** Keeps a fixture server up for manual poking: prints its base URL. */
    public static void main(String[] args) throws Exception {
        try (FixtureServer s = new FixtureServer()) {
            System.out.println(s.base());
            TimeUnit.HOURS.sleep(1);
        }
    }
}
