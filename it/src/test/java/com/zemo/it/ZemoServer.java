package com.zemo.it;

import com.zemo.launcher.LauncherSettings;
import com.zemo.launcher.Main;
import com.zemo.launcher.PayaraNode;
import com.zemo.launcher.Ports;
import com.zemo.launcher.ZemoStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One Zemo for the whole integration-test JVM, started exactly as {@code ./zemo run} starts it: embedded PostgreSQL
 * and Redis, the schema, the admin, and a Payara Micro node running the WAR (a child process, production flags).
 */
public final class ZemoServer {
    public static final String ADMIN_PASSWORD = "it-admin-password-1";
    /** Low enough for a test to reach it quickly. */
    public static final int TOKEN_LIMIT_PER_MINUTE = 300;
    /** The LLM stand-in's port (WireMock in GenerateJobIT): fixed before boot, since the node reads ZEMO_LLM_URL once. */
    public static final int LLM_PORT = Ports.free();
    /** Short, so the timeout test does not wait a minute per attempt. */
    public static final int LLM_TIMEOUT_SECONDS = 3;
    /** Where the shared node's SerpApi is: a loopback port nobody listens on, so no test can reach serpapi.com. */
    public static final int SERPAPI_PORT = Ports.free();

    private static ZemoServer instance;

    private final ZemoStack stack;
    private final PayaraNode node;
    private final Path home;

    private ZemoServer(ZemoStack stack, PayaraNode node, Path home) {
        this.stack = stack;
        this.node = node;
        this.home = home;
    }

    public static synchronized ZemoServer get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (Exception e) {
                throw new IllegalStateException("could not start Zemo for the integration tests", e);
            }
        }
        return instance;
    }

    private static ZemoServer start() throws Exception {
        Path home = Path.of(System.getProperty("zemo.it.home", "target/it-home")).toAbsolutePath();
        deleteTree(home);
        Files.createDirectories(home);
        int port = Ports.free();
        LauncherSettings settings = new LauncherSettings(home, port, Optional.empty(), "zemo", "", Optional.empty(),
                Optional.empty(), Optional.of(ADMIN_PASSWORD), "it-node", System.getenv().getOrDefault("ZEMO_JAVA_OPTS",
                com.zemo.launcher.PayaraNode.DEFAULT_JAVA_OPTS), false);
        ZemoStack stack = new ZemoStack(settings, Main.runtimeDir())
                .withNodeEnv(Map.of("ZEMO_RATELIMIT_TOKEN_PER_MINUTE", Integer.toString(TOKEN_LIMIT_PER_MINUTE),
                        "ZEMO_SECURITY_TOKEN_CACHE_SECONDS", "2",
                        "ZEMO_SCRAPE_ALLOW_PRIVATE", "true",  // ScrapeJobIT's fixture pages are on 127.0.0.1
                        "ZEMO_LLM_URL", "http://127.0.0.1:" + LLM_PORT + "/v1",
                        "ZEMO_SERPAPI_URL", "http://127.0.0.1:" + SERPAPI_PORT,
                        "ZEMO_LLM_TIMEOUT_SECONDS", Integer.toString(LLM_TIMEOUT_SECONDS)))
                .startInfrastructure();
        PayaraNode node = stack.startNodeAndWait("it-node", port, false, Duration.ofMinutes(4));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "zemo-it-stop"));
        return new ZemoServer(stack, node, home);
    }

    public String baseUrl() {
        return node.baseUrl();
    }

    public Path home() {
        return home;
    }

    public ZemoStack stack() {
        return stack;
    }

    public PayaraNode node() {
        return node;
    }

    public Connection db() throws SQLException {
        return DriverManager.getConnection(stack.dbUrl(), stack.dbUser(), stack.dbPassword());
    }

    /** Everything every log file under $ZEMO_HOME/logs says, for secret searches. */
    public String allLogs() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(home.resolve("logs"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sb.append(Files.readString(f, java.nio.charset.StandardCharsets.UTF_8)).append('\n');
            }
        }
        return sb.toString();
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
