package com.zemo.launcher.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Zemo's offline stand-in for the outside world, on loopback: a SerpApi-shaped {@code /search.json} (Google and
 * Yandex) whose results are the bundled sample pages, those pages under {@code /pages/...}, and an
 * OpenAI-compatible {@code POST /v1/chat/completions} that writes a deterministic, labelled article, and the two
 * free key checks of the settings page: SerpApi's {@code GET /account.json} and {@code GET /v1/models}. Used by
 * {@code ./zemo run --demo} and by the tests; JDK only.
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SandboxServer.class.getName());
    /** The key the sandbox expects; any other non-empty key works too, except {@link #REJECTED_KEY}. */
    public static final String KEY = "sandbox";
    /** A key the sandbox refuses with 401, to try the error path. */
    public static final String REJECTED_KEY = "invalid";
    public static final String MODEL = "sandbox-1";

    private final HttpServer server;
    private final ExecutorService pool;
    private final List<SandboxPage> pages;

    private SandboxServer(HttpServer server, ExecutorService pool, List<SandboxPage> pages) {
        this.server = server;
        this.pool = pool;
        this.pages = pages;
    }

    /** Starts on 127.0.0.1 at {@code port} (0: any free port). */
    public static SandboxServer start(int port) throws IOException {
        List<SandboxPage> pages = SandboxPage.bundled();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "zemo-sandbox");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        SandboxServer sandbox = new SandboxServer(server, pool, pages);
        SandboxSerp serp = new SandboxSerp(pages, sandbox::baseUrl);
        SandboxLlm llm = new SandboxLlm();
        server.createContext("/search.json", ex -> sandbox.handle(ex, serp::handle));
        server.createContext("/account.json", ex -> sandbox.handle(ex, serp::account));
        server.createContext("/pages/", ex -> sandbox.handle(ex, sandbox::page));
        server.createContext("/v1/", ex -> sandbox.handle(ex, llm::handle));
        server.createContext("/", ex -> sandbox.handle(ex, sandbox::index));
        server.start();
        return sandbox;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}: the SerpApi base URL (ZEMO_SERPAPI_URL). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The OpenAI-compatible base URL (ZEMO_LLM_URL), to which clients append {@code /chat/completions}. */
    public String llmUrl() {
        return baseUrl() + "/v1";
    }

    /**
     * What a node needs to use this sandbox instead of the real providers ({@code ./zemo run --demo}, tests):
     * SerpApi and the LLM here, the sandbox keys, and fetching from loopback allowed (the pages are on 127.0.0.1).
     */
    public java.util.Map<String, String> nodeEnv() {
        return java.util.Map.of(
                "ZEMO_SERPAPI_URL", baseUrl(),
                "ZEMO_SERPAPI_KEY", KEY,
                "ZEMO_LLM_URL", llmUrl(),
                "ZEMO_LLM_KEY", KEY,
                "ZEMO_LLM_MODEL", MODEL,
                "ZEMO_SCRAPE_ALLOW_PRIVATE", "true");
    }

    public List<SandboxPage> pages() {
        return pages;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    private void handle(HttpExchange ex, Handler h) {
        try (ex) {
            h.handle(ex);
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "sandbox request " + ex.getRequestURI() + " failed", e);
            try {
                send(ex, 500, "application/json", "{\"error\":" + MiniJson.quote(String.valueOf(e.getMessage())) + "}");
            } catch (IOException | RuntimeException ignored) {
                // the answer was already under way
            }
        }
    }

    private void page(HttpExchange ex) throws IOException {
        String name = ex.getRequestURI().getPath().substring("/pages/".length());
        for (SandboxPage p : pages) {
            if (p.name().equals(name)) {
                // no charset in the header on purpose: the windows-1251 pages declare theirs only in <meta>
                sendBytes(ex, 200, "text/html", p.bytes());
                return;
            }
        }
        send(ex, 404, "text/html; charset=utf-8", "<!doctype html><title>Not found</title><h1>Not found</h1>");
    }

    private void index(HttpExchange ex) throws IOException {
        if (!ex.getRequestURI().getPath().equals("/")) {
            send(ex, 404, "text/plain; charset=utf-8", "not found");
            return;
        }
        StringBuilder sb = new StringBuilder("<!doctype html><meta charset=\"utf-8\"><title>Zemo sandbox</title><h1>Zemo sandbox</h1>"
                + "<p>SerpApi-shaped <code>/search.json</code>, OpenAI-compatible <code>/v1/chat/completions</code>, and these pages:</p><ul>");
        for (SandboxPage p : pages) {
            sb.append("<li><a href=\"/pages/").append(p.name()).append("\">").append(p.title()).append("</a> (")
                    .append(p.language()).append(", ").append(p.charset().name()).append(")</li>");
        }
        send(ex, 200, "text/html; charset=utf-8", sb.append("</ul>").toString());
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        sendBytes(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void sendBytes(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** {@code java -cp launcher.jar com.zemo.launcher.sandbox.SandboxServer [port]}: the sandbox alone. */
    public static void main(String[] args) throws Exception {
        SandboxServer s = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        System.out.println("zemo sandbox at " + s.baseUrl() + " (SerpApi: " + s.baseUrl() + ", LLM: " + s.llmUrl() + ")");
        Thread.currentThread().join();
    }
}
