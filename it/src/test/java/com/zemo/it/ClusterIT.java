package com.zemo.it;

import com.zemo.launcher.PayaraNode;
import com.zemo.launcher.Ports;
import com.zemo.launcher.ZemoStack;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Payara Micro nodes on different ports sharing one PostgreSQL and one Redis: dispatch, limits, pause, live
 * logs across nodes, and take-over after a SIGKILL. The kill runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    static ZemoStack stack;
    static PayaraNode a;
    static PayaraNode b;
    static Api onA;
    static Api onB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        stack = OwnStack.infrastructure("cluster", "a", 0, Map.of("ZEMO_JOBS_HEARTBEAT_MILLIS", "1000",
                "ZEMO_JOBS_TAKEOVER_AFTER_MILLIS", "8000", "ZEMO_RATELIMIT_ENABLED", "false"));
        a = stack.startNode("node-a", Ports.free(), false);
        b = stack.startNode("node-b", Ports.free(), false);
        a.awaitReady(Duration.ofMinutes(5));
        b.awaitReady(Duration.ofMinutes(5));
        String token = Api.adminToken(a.baseUrl());
        onA = Api.bearer(token).on(a.baseUrl());
        onB = Api.bearer(token).on(b.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(stack.dbUrl(), stack.dbUser(), stack.dbPassword());
    }

    static void limit(int n) {
        Api.Reply r = onA.put("/api/v1/operator/job-types/demo/limit", "{\"maxConcurrent\":" + n + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void twoHundredJobsThroughBothNodesAllCompleteOnce() throws Exception {
        limit(16);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Long>> submitted = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Api api = i % 2 == 0 ? onA : onB;
            submitted.add(pool.submit(() -> Jobs.submit(api, "demo", "{\"items\": 5, \"chunk\": 2}")));
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Long> f : submitted) {
            ids.add(f.get());
        }
        pool.shutdown();
        assertThat(ids).doesNotHaveDuplicates().hasSize(200);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String idList = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        long completed = 0;
        while (System.nanoTime() < deadline) {
            try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT count(*) FILTER (WHERE status = 'completed'), count(*) FILTER (WHERE status IN ('failed','stopped','canceled')) FROM jobs WHERE id IN (" + idList + ")")) {
                rs.next();
                completed = rs.getLong(1);
                assertThat(rs.getLong(2)).as("jobs that ended badly").isZero();
            }
            if (completed == 200) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(completed).isEqualTo(200);
        try (Connection c = db()) {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT count(*), count(DISTINCT (job_id, item)) FROM job_items WHERE job_id IN (" + idList + ")")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1000);
                assertThat(rs.getLong(2)).isEqualTo(1000);
            }
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT max(n) FROM (SELECT count(*) n FROM job_executions WHERE job_id IN (" + idList + ") GROUP BY job_id) x")) {
                rs.next();
                assertThat(rs.getLong(1)).as("batch executions per job").isEqualTo(1);
            }
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT count(DISTINCT node) FROM job_executions WHERE job_id IN (" + idList + ")")) {
                rs.next();
                assertThat(rs.getLong(1)).as("both nodes ran jobs").isEqualTo(2);
            }
        }
    }

    @Test
    @Order(2)
    void perTypeLimitHoldsAcrossBothNodes() throws Exception {
        limit(3);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(Jobs.submit(i % 2 == 0 ? onA : onB, "demo", "{\"items\": 6, \"itemMillis\": 100, \"chunk\": 2}"));
        }
        String idList = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        int maxRunning = 0;
        AtomicInteger nodesSeen = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT count(*) FILTER (WHERE status = 'running'), count(*) FILTER (WHERE status = 'completed'), "
                            + "count(DISTINCT node) FILTER (WHERE status = 'running') FROM jobs WHERE id IN (" + idList + ")")) {
                rs.next();
                maxRunning = Math.max(maxRunning, rs.getInt(1));
                nodesSeen.accumulateAndGet(rs.getInt(3), Math::max);
                if (rs.getInt(2) == 12) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        assertThat(maxRunning).isEqualTo(3);
        limit(16);
    }

    @Test
    @Order(3)
    void pausedTypeStartsNothingOnEitherNode() throws Exception {
        assertThat(onA.post("/api/v1/operator/job-types/demo/pause", "").status()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(Jobs.submit(i % 2 == 0 ? onA : onB, "demo", "{\"items\": 2}"));
        }
        Thread.sleep(3000);
        for (long id : ids) {
            assertThat(Jobs.get(onB, id).getString("status")).isEqualTo("queued");
        }
        assertThat(onB.post("/api/v1/operator/job-types/demo/resume", "").status()).isEqualTo(200);
        for (long id : ids) {
            Jobs.awaitStatus(onA, id, "completed", Duration.ofSeconds(60));
        }
    }

    @Test
    @Order(4)
    void clientOnOneNodeSeesTheLiveLogOfAJobOnTheOther() throws Exception {
        // tokens first, and a job long enough (10 checkpoints over ~10 s) that a loaded machine still sees it run
        String tokenA = Api.adminToken(a.baseUrl());
        String tokenB = Api.adminToken(b.baseUrl());
        long id = Jobs.submit(onA, "demo", "{\"items\": 40, \"itemMillis\": 250, \"chunk\": 4}");
        JsonObject running = Jobs.awaitStatus(onA, id, "running", Duration.ofSeconds(60));
        String runsOn = running.getString("node");
        PayaraNode other = runsOn.equals("node-a") ? b : a;
        HttpResponse<java.util.stream.Stream<String>> sse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(other.baseUrl() + "/api/v1/jobs/" + id + "/events"))
                .header("Authorization", "Bearer " + (other == a ? tokenA : tokenB)).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofLines());
        // each live log line's delay: from its time in the database (written on the other node) to its arrival here
        java.time.Instant connected = java.time.Instant.now();
        List<String> lines = new ArrayList<>();
        List<Long> delaysMs = new ArrayList<>();
        java.util.regex.Pattern at = java.util.regex.Pattern.compile("\"at\":\"([^\"]+)\"");
        sse.body().forEach(line -> {
            lines.add(line);
            java.util.regex.Matcher m = at.matcher(line);
            if (line.startsWith("data:") && line.contains("\"message\"") && m.find()) {
                java.time.Instant written = java.time.OffsetDateTime.parse(m.group(1)).toInstant();
                if (written.isAfter(connected)) {
                    delaysMs.add(java.time.Duration.between(written, java.time.Instant.now()).toMillis());
                }
            }
        });
        if (!delaysMs.isEmpty()) {
            List<Long> sorted = delaysMs.stream().sorted().toList();
            System.out.println("[cluster] live log across nodes: " + sorted.size() + " lines, delay p50 " + sorted.get(sorted.size() / 2)
                    + " ms, max " + sorted.get(sorted.size() - 1) + " ms");
            assertThat(sorted.get(sorted.size() / 2)).as("median delay of a live log line from the other node").isLessThan(1000);
        }
        String all = String.join("\n", lines);
        assertThat(all).contains("\"node\":\"" + runsOn + "\"").contains("ended: completed").contains("event: progress");
        long progressEvents = lines.stream().filter(l -> l.equals("event: progress")).count();
        assertThat(progressEvents).as("live progress events relayed through Redis").isGreaterThan(3);
    }

    @Test
    @Order(5)
    void sigkilledNodesJobIsFinishedByTheOtherFromItsCheckpoint() throws Exception {
        long id = Jobs.submit(onA, "demo", "{\"items\": 60, \"itemMillis\": 100, \"chunk\": 5}");
        JsonObject running = Jobs.await(onA, id, j -> j.getString("status").equals("running")
                && j.getJsonObject("progress").getInt("done") >= 10, Duration.ofSeconds(60));
        String victimName = running.getString("node");
        PayaraNode victim = victimName.equals("node-a") ? a : b;
        PayaraNode survivor = victim == a ? b : a;
        victim.kill();
        Api api = victim == a ? onB : onA;
        JsonObject done = Jobs.awaitStatus(api, id, "completed", Duration.ofMinutes(2));
        assertThat(done.getInt("takeovers")).isEqualTo(1);
        assertThat(done.getString("node")).isEqualTo(survivor.name());
        List<JsonObject> execs = done.getJsonArray("executions").getValuesAs(JsonObject.class);
        assertThat(execs).extracting(e -> e.getString("kind")).containsExactly("takeover", "start");
        try (Connection c = db()) {
            Jobs.assertExactlyOnce(c, id, 60);
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT node, count(*) FROM job_items WHERE job_id = " + id + " GROUP BY node ORDER BY node")) {
                int nodes = 0;
                while (rs.next()) {
                    nodes++;
                    assertThat(rs.getLong(2)).isPositive();
                }
                assertThat(nodes).as("items written by the killed node, then by the survivor").isEqualTo(2);
            }
        }
        assertThat(survivor.isAlive()).isTrue();
    }
}
