package com.zemo.launcher;

import com.zemo.launcher.sandbox.SandboxServer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code ./zemo run}: starts Zemo on this machine and keeps it running until Ctrl-C or SIGTERM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        String command = a.isEmpty() ? "run" : a.get(0);
        PrintStream out = System.out;
        switch (command) {
            case "run" -> run(a.contains("--demo"), out);
            case "legacy-import", "legacy-export" -> System.exit(LegacyCli.run(command, a.subList(1, a.size()), System.getenv(), System.err));
            case "help", "--help", "-h" -> usage(out);
            default -> {
                System.err.println("unknown command: " + command);
                usage(System.err);
                System.exit(2);
            }
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: zemo run [--demo]");
        out.println("  --demo: SerpApi and the LLM replaced by a local sandbox (sample pages, labelled texts); no account needed");
        LegacyCli.usage(out);
        out.println("  environment: ZEMO_HOME, ZEMO_HTTP_PORT, ZEMO_DB_URL/USER/PASSWORD, ZEMO_REDIS_URL/PASSWORD,");
        out.println("               ZEMO_ADMIN_PASSWORD, ZEMO_JAVA_OPTS, ZEMO_NODE_NAME (see README)");
    }

    private static void run(boolean demo, PrintStream out) throws Exception {
        long t0 = System.nanoTime();
        LauncherSettings settings = LauncherSettings.fromEnvironment(System.getenv(), demo);
        if (!Ports.isFree(settings.httpPort())) {
            System.err.println("port " + settings.httpPort() + " is in use: set ZEMO_HTTP_PORT to a free one");
            System.exit(1);
        }
        ZemoStack stack = new ZemoStack(settings, runtimeDir());
        // --demo: the outside world (SerpApi, the LLM, the pages) is a sandbox on loopback
        SandboxServer sandbox = demo ? SandboxServer.start(0) : null;
        if (sandbox != null) {
            stack.withNodeEnv(sandbox.nodeEnv());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("zemo: stopping…");
            stack.close();
            if (sandbox != null) {
                sandbox.close();
            }
            stopped.countDown();
        }, "zemo-shutdown"));
        if (sandbox != null) {
            out.println("zemo: demo mode: sandbox at " + sandbox.baseUrl() + " (SerpApi-shaped search, " + sandbox.pages().size()
                    + " sample pages, OpenAI-compatible LLM at " + sandbox.llmUrl() + "); texts it writes start with [SANDBOX OUTPUT]");
        }

        stack.startInfrastructure();
        out.println("zemo: data in " + settings.home()
                + (settings.dbUrl().isPresent() ? " (external PostgreSQL)" : " (embedded PostgreSQL)")
                + (settings.redisUrl().isPresent() ? ", external Redis" : ", embedded Redis"));
        out.println("zemo: schema " + (stack.migrationsApplied() == 0 ? "up to date" : "migrated (" + stack.migrationsApplied() + " migrations)"));
        stack.createdAdminPassword().ifPresent(pw -> {
            // Shown once on the console, never logged: the only copy is the bcrypt hash in the database.
            out.println("zemo: created user 'admin'"
                    + (settings.adminPassword().isPresent() ? " with the password from ZEMO_ADMIN_PASSWORD" : " with password: " + pw));
        });
        out.println("zemo: database " + stack.dbUrl() + (settings.dbUrl().isPresent() ? "" : " (user zemo, password zemo, loopback only)"));
        int nodes = Integer.parseInt(System.getenv().getOrDefault("ZEMO_NODES", "1"));
        long tNode = System.nanoTime();
        PayaraNode node = stack.startNode(settings.nodeName(), settings.httpPort(), true);
        if (settings.classDataSharing() && !node.sharesClassData()) {
            out.println("zemo: first start of this build: the node records its class-data archive when it stops (Ctrl-C), "
                    + "and later starts map it and come up faster (ZEMO_CDS=off to skip)");
        }
        java.util.List<PayaraNode> more = new java.util.ArrayList<>();
        for (int i = 1; i < nodes; i++) {
            // a local cluster for drills and benchmarks: the same database and Redis, consecutive ports
            more.add(stack.startNode(settings.nodeName() + "-" + (i + 1), settings.httpPort() + i, false));
        }
        node.awaitReady(Duration.ofMinutes(5));
        for (PayaraNode n : more) {
            n.awaitReady(Duration.ofMinutes(5));
            out.println("zemo: node " + n.name() + " ready at " + n.baseUrl() + " (log: " + n.logFile() + ")");
        }
        String base = node.baseUrl();
        long tReady = System.nanoTime();
        // the JVM's own start is not in t0; bench/startup.sh measures from the command
        out.printf("%nzemo: ready in %.1f s (database, Redis and schema %.1f s; Payara node %.1f s%s)%n", (tReady - t0) / 1e9,
                (tNode - t0) / 1e9, (tReady - tNode) / 1e9, node.sharesClassData() ? ", class data shared" : "");
        out.println("  dashboard  " + base + "/");
        out.println("  API        " + base + "/api/v1  (token: POST " + base + "/api/v1/tokens with Basic auth)");
        out.println("  OpenAPI    " + base + "/openapi");
        out.println("  health     " + base + "/health");
        out.println("  metrics    " + base + "/metrics");
        out.println("  logs       " + settings.home().resolve("logs"));
        if (sandbox != null) {
            out.println("  sandbox    " + sandbox.baseUrl() + "/  (try a serp job: {\"type\":\"serp\",\"params\":{\"query\":\"how to choose a laptop\"}})");
        }
        out.println("Ctrl-C stops everything.");
        while (node.isAlive()) {
            Thread.sleep(500);
        }
        if (stopped.getCount() > 0) {
            System.err.println("zemo: the Payara node exited; see " + node.logFile());
            System.exit(1);
        }
    }

    /** target/runtime beside the launcher jar (payara-micro.jar, postgresql.jar, zemo.war). */
    public static Path runtimeDir() throws IOException, URISyntaxException {
        String override = System.getenv("ZEMO_RUNTIME_DIR");
        if (override != null) {
            return Path.of(override);
        }
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = (Files.isDirectory(jar) ? jar.getParent() : jar.getParent()).resolve("runtime");
        if (!Files.exists(dir.resolve("zemo.war"))) {
            throw new IOException("no Zemo runtime in " + dir + ": build with ./mvnw -DskipTests package");
        }
        return dir;
    }
}
