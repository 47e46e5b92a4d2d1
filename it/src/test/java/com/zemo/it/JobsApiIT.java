package com.zemo.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The jobs machinery on one node, through the REST API. */
class JobsApiIT {
    static Api admin;

    @BeforeAll
    static void token() {
        admin = Api.bearer(Api.adminToken());
    }

    @Test
    void demoJobCompletesWithEveryItemOnce() throws Exception {
        long id = Jobs.submit(admin, "demo", "{\"items\": 40, \"chunk\": 7}");
        JsonObject done = Jobs.awaitStatus(admin, id, "completed", Duration.ofSeconds(60));
        assertThat(done.getJsonObject("progress").getInt("percent")).isEqualTo(100);
        assertThat(done.getJsonArray("executions")).hasSize(1);
        JsonObject step = done.getJsonArray("executions").getJsonObject(0).getJsonArray("steps").getJsonObject(0);
        assertThat(step.getInt("read")).isEqualTo(40);
        assertThat(step.getInt("write")).isEqualTo(40);
        assertThat(step.getInt("commit")).isGreaterThanOrEqualTo(6);
        try (Connection c = ZemoServer.get().db()) {
            Jobs.assertExactlyOnce(c, id, 40);
        }
        Api.Reply logs = admin.get("/api/v1/jobs/" + id + "/logs");
        assertThat(logs.body()).contains("queued by admin").contains("step items started").contains("ended: completed");
    }

    @Test
    void failedJobRestartsFromItsCheckpoint() throws Exception {
        long id = Jobs.submit(admin, "demo", "{\"items\": 20, \"chunk\": 3, \"failAt\": 7}");
        JsonObject failed = Jobs.awaitStatus(admin, id, "failed", Duration.ofSeconds(60));
        assertThat(failed.getJsonObject("progress").getInt("done")).isEqualTo(6);
        Api.Reply restart = admin.post("/api/v1/jobs/" + id + "/restart", "");
        assertThat(restart.status()).as(restart.body()).isEqualTo(200);
        JsonObject done = Jobs.awaitStatus(admin, id, "completed", Duration.ofSeconds(60));
        List<JsonObject> execs = done.getJsonArray("executions").getValuesAs(JsonObject.class);
        assertThat(execs).extracting(e -> e.getString("kind")).containsExactly("restart", "start");
        int readAfterRestart = execs.get(0).getJsonArray("steps").getJsonObject(0).getInt("read");
        assertThat(readAfterRestart).isEqualTo(14);
        try (Connection c = ZemoServer.get().db()) {
            Jobs.assertExactlyOnce(c, id, 20);
        }
    }

    @Test
    void runningJobStopsAtACheckpointAndRestarts() throws Exception {
        long id = Jobs.submit(admin, "demo", "{\"items\": 300, \"itemMillis\": 20, \"chunk\": 5}");
        Jobs.await(admin, id, j -> j.getJsonObject("progress").getInt("done") >= 10, Duration.ofSeconds(60));
        assertThat(admin.post("/api/v1/jobs/" + id + "/stop", "").status()).isEqualTo(200);
        JsonObject stopped = Jobs.awaitStatus(admin, id, "stopped", Duration.ofSeconds(60));
        int doneAtStop = stopped.getJsonObject("progress").getInt("done");
        assertThat(doneAtStop).isLessThan(300).isGreaterThanOrEqualTo(10);
        assertThat(admin.post("/api/v1/jobs/" + id + "/stop", "").status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/jobs/" + id + "/restart", "").status()).isEqualTo(200);
        Jobs.awaitStatus(admin, id, "completed", Duration.ofSeconds(120));
        try (Connection c = ZemoServer.get().db()) {
            Jobs.assertExactlyOnce(c, id, 300);
        }
    }

    @Test
    void pausedTypeStartsNothingAndQueuedJobsCanBeCanceled() throws Exception {
        Api.Reply paused = admin.post("/api/v1/operator/job-types/demo/pause", "");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().getBoolean("paused")).isTrue();
        try {
            long a = Jobs.submit(admin, "demo", "{\"items\": 3}");
            long b = Jobs.submit(admin, "demo", "{\"items\": 3}");
            Thread.sleep(2500);
            assertThat(Jobs.get(admin, a).getString("status")).isEqualTo("queued");
            assertThat(admin.post("/api/v1/jobs/" + b + "/cancel", "").json().getString("status")).isEqualTo("canceled");
            assertThat(admin.post("/api/v1/jobs/" + b + "/cancel", "").status()).isEqualTo(409);
            Api.Reply types = admin.get("/api/v1/operator/job-types");
            assertThat(types.body()).contains("\"paused\":true");
            admin.post("/api/v1/operator/job-types/demo/resume", "");
            Jobs.awaitStatus(admin, a, "completed", Duration.ofSeconds(60));
        } finally {
            admin.post("/api/v1/operator/job-types/demo/resume", "");
        }
    }

    @Test
    void readOnlyModeRefusesWritesButServesReads() {
        assertThat(admin.put("/api/v1/admin/read-only", "{\"readOnly\":true}").status()).isEqualTo(200);
        try {
            Api.Reply refused = admin.post("/api/v1/jobs", "{\"type\":\"demo\",\"params\":{\"items\":1}}");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().getString("detail")).contains("read-only");
            assertThat(admin.put("/api/v1/me/settings/ui.language", "{\"value\":\"en\"}").status()).isEqualTo(503);
            assertThat(admin.get("/api/v1/jobs").status()).isEqualTo(200);
            assertThat(admin.get("/api/v1/admin/read-only").json().getBoolean("readOnly")).isTrue();
        } finally {
            assertThat(admin.put("/api/v1/admin/read-only", "{\"readOnly\":false}").status()).isEqualTo(200);
        }
        assertThat(admin.post("/api/v1/jobs", "{\"type\":\"demo\",\"params\":{\"items\":1}}").status()).isEqualTo(201);
    }

    @Test
    void retryFailedNeedsADryRunAndItsConfirmation() throws Exception {
        String token = Api.userToken("retrier", "retrier-pass-1", "operator", "editor");
        Api op = Api.bearer(token);
        long ownerId = op.get("/api/v1/me").json().getJsonNumber("id").longValue();
        long a = Jobs.submit(op, "demo", "{\"items\": 4, \"failAt\": 2, \"chunk\": 1}");
        long b = Jobs.submit(op, "demo", "{\"items\": 4, \"failAt\": 3, \"chunk\": 1}");
        Jobs.awaitStatus(op, a, "failed", Duration.ofSeconds(60));
        Jobs.awaitStatus(op, b, "failed", Duration.ofSeconds(60));
        String filter = "{\"type\":\"demo\",\"owner\":" + ownerId + "}";
        Api.Reply dry = op.post("/api/v1/operator/retry-failed", "{\"filter\":" + filter + ",\"dryRun\":true}");
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.json().getInt("matching")).isEqualTo(2);
        assertThat(dry.json().getInt("requeued")).isZero();
        assertThat(op.post("/api/v1/operator/retry-failed", "{\"filter\":" + filter + ",\"dryRun\":false,\"confirmation\":\"nope\"}").status()).isEqualTo(409);
        Api.Reply real = op.post("/api/v1/operator/retry-failed",
                "{\"filter\":" + filter + ",\"dryRun\":false,\"confirmation\":\"" + dry.json().getString("confirmation") + "\"}");
        assertThat(real.json().getInt("requeued")).isEqualTo(2);
        Jobs.awaitStatus(op, a, "completed", Duration.ofSeconds(60));
        Jobs.awaitStatus(op, b, "completed", Duration.ofSeconds(60));
        try (Connection c = ZemoServer.get().db()) {
            Jobs.assertExactlyOnce(c, a, 4);
            Jobs.assertExactlyOnce(c, b, 4);
        }
    }

    @Test
    void badJobRequestsAreClearProblems() throws Exception {
        assertThat(admin.post("/api/v1/jobs", "{\"type\":\"nope\"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/jobs", "{\"type\":\"demo\",\"params\":{\"items\":0}}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/jobs", "{\"type\":\"demo\",\"params\":{\"items\":5,\"colour\":\"red\"}}").json().getString("detail")).contains("colour");
        assertThat(admin.post("/api/v1/jobs", "{\"type\":\"demo\",\"params\":{\"items\":\"five\"}}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/jobs", "{\"params\":{}}").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/jobs?status=done").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/jobs?from=yesterday").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/jobs?sort=colour").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/jobs/987654").status()).isEqualTo(404);

        long id = Jobs.submit(admin, "demo", "{\"items\": 2}");
        Jobs.awaitStatus(admin, id, "completed", Duration.ofSeconds(60));
        assertThat(admin.post("/api/v1/jobs/" + id + "/restart", "").status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/jobs/" + id + "/stop", "").status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/jobs/" + id + "/cancel", "").status()).isEqualTo(409);

        Api editor = Api.bearer(Api.userToken("jeditor", "jeditor-pass-1", "editor"));
        assertThat(editor.get("/api/v1/jobs/" + id).status()).isEqualTo(404);
        assertThat(editor.post("/api/v1/jobs/" + id + "/restart", "").status()).isEqualTo(404);
        assertThat(editor.post("/api/v1/jobs", "{\"type\":\"maintenance\"}").status()).isEqualTo(403);
        assertThat(editor.get("/api/v1/operator/job-types").status()).isEqualTo(403);
        Api viewer = Api.bearer(Api.userToken("jviewer", "jviewer-pass-1", "viewer"));
        assertThat(viewer.post("/api/v1/jobs", "{\"type\":\"demo\",\"params\":{\"items\":1}}").status()).isEqualTo(403);
        long own = Jobs.submit(editor, "demo", "{\"items\": 1}");
        assertThat(editor.get("/api/v1/jobs").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(j -> j.getJsonNumber("id").longValue()).containsExactly(own);
    }

    @Test
    void jobMetricsAreExported() throws Exception {
        long id = Jobs.submit(admin, "demo", "{\"items\": 2}");
        Jobs.awaitStatus(admin, id, "completed", Duration.ofSeconds(60));
        Thread.sleep(5500); // the queued/running gauges are refreshed every 5 s
        String metrics = Api.anonymous().get("/metrics").body();
        assertThat(metrics).contains("zemo_jobs_submitted").contains("zemo_jobs_finished").contains("zemo_jobs_duration_ms")
                .contains("zemo_jobs_queue_wait_ms").contains("zemo_jobs_queued").contains("zemo_jobs_running");
    }

    @Test
    void listFiltersSortsAndPages() {
        for (int i = 0; i < 3; i++) {
            Jobs.submit(admin, "demo", "{\"items\": 1}");
        }
        Api.Reply page = admin.get("/api/v1/jobs?type=demo&size=2&page=0&sort=-id");
        assertThat(page.status()).isEqualTo(200);
        JsonObject p = page.json();
        assertThat(p.getJsonArray("items")).hasSize(2);
        assertThat(p.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(3);
        List<Long> ids = p.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(j -> j.getJsonNumber("id").longValue()).toList();
        assertThat(ids.get(0)).isGreaterThan(ids.get(1));
        assertThat(admin.get("/api/v1/jobs?type=maintenance&status=running&from=2020-01-01T00:00:00Z").status()).isEqualTo(200);
    }

    @Test
    void eventsStreamReplaysFromLastEventIdAndEnds() throws Exception {
        long id = Jobs.submit(admin, "demo", "{\"items\": 30, \"itemMillis\": 20, \"chunk\": 5}");
        HttpClient http = HttpClient.newHttpClient();
        String token = Api.adminToken();
        HttpResponse<java.util.stream.Stream<String>> live = http.send(HttpRequest.newBuilder(
                        URI.create(ZemoServer.get().baseUrl() + "/api/v1/jobs/" + id + "/events"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(live.statusCode()).isEqualTo(200);
        List<String> lines = live.body().collect(Collectors.toList()); // the server ends the stream when the job ends
        String all = String.join("\n", lines);
        assertThat(all).contains("event: log").contains("event: progress").contains("ended: completed").contains("\"status\":\"completed\"");
        List<Long> ids = lines.stream().filter(l -> l.startsWith("id:")).map(l -> Long.parseLong(l.substring(3).trim())).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();

        long resumeAfter = ids.get(ids.size() / 2);
        HttpResponse<java.util.stream.Stream<String>> again = http.send(HttpRequest.newBuilder(
                        URI.create(ZemoServer.get().baseUrl() + "/api/v1/jobs/" + id + "/events"))
                .header("Authorization", "Bearer " + token).header("Last-Event-ID", Long.toString(resumeAfter))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofLines());
        List<Long> replayed = again.body().filter(l -> l.startsWith("id:")).map(l -> Long.parseLong(l.substring(3).trim())).toList();
        assertThat(replayed).isNotEmpty().allMatch(x -> x > resumeAfter);
        assertThat(replayed).containsExactlyElementsOf(ids.stream().filter(x -> x > resumeAfter).toList());
    }

    @Test
    void maintenanceDeletesOnlyWhatIsOlderThanTheCutoffs() throws Exception {
        long recent = Jobs.submit(admin, "demo", "{\"items\": 1}");
        Jobs.awaitStatus(admin, recent, "completed", Duration.ofSeconds(60));
        long old = Jobs.submit(admin, "demo", "{\"items\": 2}");
        Jobs.awaitStatus(admin, old, "completed", Duration.ofSeconds(60));
        try (Connection c = ZemoServer.get().db()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET finished_at = now() - interval '200 days' WHERE id = ?")) {
                ps.setLong(1, old);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO job_logs (job_id, level, message, at) SELECT ?, 'INFO', 'ancient ' || g, now() - interval '40 days' FROM generate_series(1, 1200) g")) {
                ps.setLong(1, recent);
                ps.executeUpdate();
            }
        }
        long m = Jobs.submit(admin, "maintenance", "{\"logDays\": 30, \"jobDays\": 90}");
        JsonObject done = Jobs.awaitStatus(admin, m, "completed", Duration.ofSeconds(120));
        assertThat(done.getJsonArray("executions").getJsonObject(0).getJsonArray("steps")).hasSize(2);
        try (Connection c = ZemoServer.get().db()) {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM job_logs WHERE message LIKE 'ancient %'")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM jobs WHERE id = " + old)) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM jobs WHERE id = " + recent)) {
                rs.next();
                assertThat(rs.getLong(1)).isOne();
            }
        }
    }
}
