package com.zemo.it.ear;

import com.zemo.launcher.LauncherSettings;
import com.zemo.launcher.Main;
import com.zemo.launcher.Ports;
import com.zemo.launcher.PostBoot;
import com.zemo.launcher.ZemoStack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EAR on Payara Server 6 (profile ear-smoke): a fresh domain on free ports, the resources of
 * config/payara/server-setup.asadmin, the EAR deployed, then /health and GET /api/v1/me with a token.
 */
class EarSmokeIT {
    private static final String ADMIN_PASSWORD = "ear-admin-password-1";

    @Test
    void earDeploysOnPayaraServer() throws Exception {
        Path server = Path.of(System.getProperty("zemo.payara.server")).toAbsolutePath();
        Path asadmin = server.resolve("bin/asadmin");
        Path ear = Path.of(System.getProperty("zemo.ear")).toAbsolutePath();
        Path home = Files.createTempDirectory("zemo-ear");
        LauncherSettings s = new LauncherSettings(home, 0, Optional.empty(), "zemo", "", Optional.empty(), Optional.empty(),
                Optional.of(ADMIN_PASSWORD), "ear", "", false);
        int base = freePortBase();
        int adminPort = base + 48;
        int httpPort = base + 80;
        String domain = "zemo" + base;
        try (ZemoStack stack = new ZemoStack(s, Main.runtimeDir())) {
            stack.startInfrastructure();
            run(asadmin, "create-domain", "--nopassword=true", "--portbase=" + base, domain);
            try {
                Map<String, String> env = Map.of("ZEMO_REDIS_URL", stack.redisUrl(), "ZEMO_HOME", home.toString(), "ZEMO_NODE_NAME", "ear");
                run(env, asadmin, "start-domain", domain);
                run(asadmin, "--port", Integer.toString(adminPort), "add-library",
                        Main.runtimeDir().resolve("postgresql.jar").toString());
                Path setup = render(home, stack);
                run(asadmin, "--port", Integer.toString(adminPort), "multimode", "--file", setup.toString());
                run(env, asadmin, "restart-domain", domain);
                String resources = run(asadmin, "--port", Integer.toString(adminPort), "list-jdbc-resources");
                assertThat(resources).contains("jdbc/zemo");
                run(asadmin, "--port", Integer.toString(adminPort), "ping-connection-pool", "zemo-pool");
                run(asadmin, "--port", Integer.toString(adminPort), "deploy", "--contextroot", "/", ear.toString());

                HttpClient http = HttpClient.newHttpClient();
                String url = "http://localhost:" + httpPort;
                HttpResponse<String> health = awaitHealth(http, url + "/health", Duration.ofMinutes(2));
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);

                String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
                HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/tokens"))
                        .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ear\"}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
                String t = token.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
                HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/me"))
                        .header("Authorization", "Bearer " + t).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
                assertThat(me.body()).contains("\"username\":\"admin\"");

                // The batch jobs run here too: a demo job (batch module only) completes, and a serp job reaches the
                // SerpApi adapter of the ejb module from the batch artifact in the EAR's lib (no key is configured,
                // so the adapter's own refusal is the job's error, not an unresolved dependency).
                assertThat(awaitJob(http, url, t, "{\"type\":\"demo\",\"params\":{\"items\":2}}"))
                        .contains("\"status\":\"completed\"");
                assertThat(awaitJob(http, url, t, "{\"type\":\"serp\",\"params\":{\"query\":\"ear smoke\"}}"))
                        .contains("\"status\":\"failed\"").contains("no SerpApi key");
            } finally {
                Path log = server.resolve("glassfish/domains/" + domain + "/logs/server.log");
                if (Files.exists(log)) {
                    Files.copy(log, Path.of("target/ear-smoke-server.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                run(asadmin, "stop-domain", domain);
                run(asadmin, "delete-domain", domain);
            }
        }
    }

    private static Path render(Path home, ZemoStack stack) throws IOException {
        String template = Files.readString(Path.of("../config/payara/server-setup.asadmin"));
        PostBoot.Db db = PostBoot.Db.of(stack.dbUrl(), stack.dbUser(), stack.dbPassword());
        String rendered = template
                .replace("@DB_POOL_MAX@", "16")
                .replace("@DB_HOST@", PostBoot.escape(db.host()))
                .replace("@DB_PORT@", Integer.toString(db.port()))
                .replace("@DB_NAME@", PostBoot.escape(db.name()))
                .replace("@DB_USER@", PostBoot.escape(db.user()))
                .replace("@DB_PASSWORD@", PostBoot.escape(db.password()))
                .replace("@SECRETS_DIR@", home.resolve("secrets").toString())
                .replace("@REDIS_URL_ESCAPED@", PostBoot.escape(stack.redisUrl()))
                .replace("@HOME_ESCAPED@", PostBoot.escape(home.toString()))
                .replace("@NODE@", "ear");
        Path out = home.resolve("server-setup.asadmin");
        Files.writeString(out, rendered);
        return out;
    }

    /** Submits a job and returns its detail once it has ended (or the last detail after two minutes). */
    private static String awaitJob(HttpClient http, String url, String token, String body) throws Exception {
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/jobs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String id = submitted.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String detail = "";
        while (System.nanoTime() < end) {
            detail = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/jobs/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (detail.matches("(?s).*\"status\":\"(completed|failed|stopped|canceled)\".*")) {
                return detail;
            }
            Thread.sleep(500);
        }
        return detail;
    }

    private static HttpResponse<String> awaitHealth(HttpClient http, String url, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < end) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        return last;
    }

    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20000 + (int) (Math.random() * 300) * 100;
            if (Ports.isFree(base + 48) && Ports.isFree(base + 80) && Ports.isFree(base + 81) && Ports.isFree(base + 86)
                    && Ports.isFree(base + 76) && Ports.isFree(base + 37) && Ports.isFree(base + 38) && Ports.isFree(base + 39)) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base");
    }

    private static String run(Path asadmin, String... args) throws Exception {
        return run(Map.of(), asadmin, args);
    }

    private static String run(Map<String, String> env, Path asadmin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(asadmin.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("AS_JAVA", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }
}
