package com.zemo.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legacy migration through the admin REST API on a running Zemo: a full import of the committed legacy
 * fixture (the generator's {@code --tasks 60} file plus one row of every rare kind of dirt, as the batch module's
 * tests use it) whose report balances to zero unaccounted rows; the quarantine as CSV; a migrated user logging
 * in with the monolith's PHP bcrypt password; delta sync after the source grew (dry run first); an import
 * stopped in the middle and restarted from its checkpoint; the export back to SQLite. The methods build on
 * each other, in order.
 * <p>
 * Killing the server in the middle of an import is covered below the server: {@code KillAndResumeTest}
 * (SIGKILL of an importing JVM, resume in another) and {@code LegacyImportJobTest} (the job XML under JBeret
 * SE: stop and restart, take-over by a new execution, each equal to an uninterrupted import).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegacyImportIT {
    private static final Path FIXTURE_DIR = Path.of("../batch/src/test/resources/legacy").toAbsolutePath().normalize();
    /** PHP's password_hash() manual example: the password "rasmuslerdorf". */
    private static final String PHP_HASH = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";
    private static final String PHP_EMAIL = "rasmus.legacy@example.ru";
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
    /** Task log lines added to the source for the stop-and-restart test: 150 chunks, several seconds of import. */
    private static final int BULK_LOG_LINES = 300_000;

    private static Path dir;
    private static Path source;
    private static Api admin;

    @BeforeAll
    static void legacyFile() throws Exception {
        admin = Api.bearer(Api.adminToken());
        dir = ZemoServer.get().home().resolve("legacy-it");
        Files.createDirectories(dir);
        source = dir.resolve("monolith.sqlite");
        Files.copy(FIXTURE_DIR.resolve("legacy-60-seed7.sqlite"), source, StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = sqlite(source)) {
            exec(c, Files.readString(FIXTURE_DIR.resolve("dirt-supplement.sql"), StandardCharsets.UTF_8));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (id,email,name,password_hash,role,is_active,created_at) "
                    + "VALUES (110, ?, 'Rasmus', ?, 'user', 1, '2019-06-01 00:00:00')")) {
                ps.setString(1, PHP_EMAIL);
                ps.setString(2, PHP_HASH);
                ps.executeUpdate();
            }
        }
    }

    @Test
    @Order(1)
    void onlyAdminsAndOnlyGoodInput() {
        String editor = Api.userToken("legacy-editor-" + System.nanoTime(), "editor-password-123", "editor");
        Api.Reply forbidden = Api.bearer(editor).post("/api/v1/admin/legacy-imports", "{\"path\":\"" + source + "\"}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(Api.bearer(editor).post("/api/v1/jobs", "{\"type\":\"legacy-import\",\"params\":{\"path\":\"" + source + "\"}}").status())
                .as("not through the generic jobs API either").isEqualTo(403);

        Api.Reply missing = admin.post("/api/v1/admin/legacy-imports", "{\"path\":\"" + dir.resolve("nothing-here.sqlite") + "\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().getString("detail")).contains("no file");
        assertThat(admin.post("/api/v1/admin/legacy-imports", "{\"path\":\"" + source + "\",\"mode\":\"sideways\"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/admin/legacy-imports", "{\"path\":\"monolith.sqlite\"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/jobs", "{\"type\":\"legacy-import\",\"params\":{\"path\":\"" + source + "\",\"dryRun\":\"maybe\"}}").status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/jobs", "{\"type\":\"legacy-import\",\"params\":{\"path\":\"" + source + "\",\"chunk\":5}}").status())
                .as("no hidden parameters through the API").isEqualTo(400);
        assertThat(admin.post("/api/v1/admin/legacy-imports", "{\"mode\":\"full\"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/admin/legacy-exports", "{\"path\":\"" + source + "\"}").status())
                .as("an export never overwrites").isEqualTo(409);
        assertThat(admin.get("/api/v1/admin/legacy-imports/999999999").status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void fullImportBalancesToZeroUnaccounted() throws Exception {
        Api.Reply started = admin.post("/api/v1/admin/legacy-imports", "{\"path\":\"" + source + "\",\"mode\":\"full\",\"dryRun\":false}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().getJsonNumber("id").longValue();
        assertThat(started.header("Location")).endsWith("/api/v1/admin/legacy-imports/" + id);

        JsonObject done = awaitEnd("/api/v1/admin/legacy-imports/" + id);
        assertThat(done.getString("status")).as(done.toString()).isEqualTo("completed");
        JsonObject progress = done.getJsonObject("progress");
        assertThat(progress.getJsonNumber("total").longValue()).isEqualTo(sourceRows(source));
        assertThat(progress.getJsonNumber("done").longValue()).isEqualTo(progress.getJsonNumber("total").longValue());
        assertThat(done.getJsonObject("result").getString("summary")).startsWith("all ").contains("rows accounted for");

        Api.Reply report = admin.get("/api/v1/admin/legacy-imports/" + id + "/report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("application/json");
        JsonObject r = report.json();
        assertThat(r.getBoolean("balanced")).isTrue();
        assertThat(r.getJsonNumber("totalUnaccounted").longValue()).isZero();
        assertThat(r.getJsonArray("tables")).hasSize(9);
        long quarantined = 0;
        for (JsonValue v : r.getJsonArray("tables")) {
            JsonObject t = v.asJsonObject();
            assertThat(t.getJsonNumber("unaccounted").longValue()).as(t.toString()).isZero();
            assertThat(t.getJsonNumber("source").longValue()).as(t.toString()).isEqualTo(t.getJsonNumber("imported").longValue()
                    + t.getJsonNumber("quarantined").longValue() + t.getJsonNumber("merged").longValue());
            assertThat(t.getBoolean("checksumsMatch")).isTrue();
            quarantined += t.getJsonNumber("quarantined").longValue();
        }
        assertThat(quarantined).as("the fixture has rows that cannot be imported").isPositive();

        Api.Reply html = admin.withHeader("Accept", "text/html").get("/api/v1/admin/legacy-imports/" + id + "/report");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("<table").contains(r.getString("summary"));
        assertThat(admin.get("/api/v1/admin/legacy-imports/" + id + "/report?format=html").body()).startsWith("<!DOCTYPE html>");

        assertThat(parseCsv(admin.get("/api/v1/admin/legacy-imports/" + id + "/quarantine?scope=run").body()))
                .as("the first import wrote every entry").hasSize(parseCsv(admin.get("/api/v1/admin/legacy-imports/" + id + "/quarantine").body()).size());
        Api.Reply csv = admin.get("/api/v1/admin/legacy-imports/" + id + "/quarantine");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<List<String>> records = parseCsv(csv.body());
        assertThat(records.get(0)).containsExactly("table", "source_id", "column", "reason", "raw_value", "kind");
        assertThat(records.subList(1, records.size())).allSatisfy(rec -> assertThat(rec).hasSize(6));
        assertThat(records.stream().filter(rec -> rec.get(5).equals("quarantined")).count()).isEqualTo(quarantined);
        assertThat(records).as("a reason with a comma survives the quoting")
                .anySatisfy(rec -> assertThat(rec.get(3)).contains(", legacy id recorded"));
    }

    /**
     * After the delta syncs: a login changes the user's row in Zemo (last login, failed logins), which the
     * reconciliation of a later sync would rightly report as differing from the monolith's row.
     */
    @Test
    @Order(6)
    void aMigratedUserLogsInWithTheLegacyPassword() {
        Api.Reply token = Api.basic(PHP_EMAIL, "rasmuslerdorf").post("/api/v1/tokens", "{\"name\":\"legacy-login\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        assertThat(Api.basic(PHP_EMAIL, "not-the-password").post("/api/v1/tokens", "{\"name\":\"x\"}").status()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void deltaSyncAppliesOnlyWhatChanged() throws Exception {
        try (Connection c = sqlite(source); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO tasks (id,user_id,type,status,keyword,params,created_at) "
                    + "VALUES (90001, 110, 'serp', 'done', 'delta keyword', '{\"q\":\"delta\"}', '2024-10-01 12:00:00')");
            st.executeUpdate("INSERT INTO task_logs (id,task_id,level,message,created_at) VALUES (900001, 90001, 'info', 'added after the import', '2024-10-01 12:00:01')");
            st.executeUpdate("UPDATE prompts SET title = 'renamed in the monolith' WHERE id = (SELECT min(id) FROM prompts)");
        }
        long mapped = count("SELECT count(*) FROM legacy_id_map");

        long dry = submitImport("delta", true);
        JsonObject dryDone = awaitEnd("/api/v1/admin/legacy-imports/" + dry);
        assertThat(dryDone.getString("status")).isEqualTo("completed");
        JsonObject would = dryDone.getJsonObject("result");
        assertThat(would.getBoolean("dryRun")).isTrue();
        assertThat(would.getJsonNumber("changes").longValue()).as(would.toString()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM legacy_id_map")).as("a dry run writes nothing").isEqualTo(mapped);
        assertThat(admin.get("/api/v1/admin/legacy-imports/" + dry + "/report").status()).isEqualTo(409);

        long delta = submitImport("delta", false);
        JsonObject done = awaitEnd("/api/v1/admin/legacy-imports/" + delta);
        assertThat(done.getString("status")).as(done.toString()).isEqualTo("completed");
        assertThat(done.getJsonObject("result").getBoolean("balanced")).isTrue();
        assertThat(count("SELECT count(*) FROM legacy_id_map")).isEqualTo(mapped + 2);
        assertThat(count("SELECT count(*) FROM jobs WHERE legacy_id = 90001 AND keyword = 'delta keyword'")).isOne();
        assertThat(count("SELECT count(*) FROM prompts WHERE title = 'renamed in the monolith'")).isOne();
        List<String> log = logMessages(delta);
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("tasks: read ").contains("inserted 1, updated 0"));
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("prompts: read ").contains("inserted 0, updated 1"));
    }

    @Test
    @Order(5)
    void anImportStoppedInTheMiddleAndRestartedEndsAsAnUninterruptedOne() throws Exception {
        // Enough new rows for many chunks (2000 source rows each), so the stop lands in the middle. 60,000 were once
        // enough; on a faster machine the import of those finished before the stop reached it (a stop takes effect
        // at the next chunk after the dispatcher passes it on).
        try (Connection c = sqlite(source); Statement st = c.createStatement()) {
            st.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + BULK_LOG_LINES + ") "
                    + "INSERT INTO task_logs (id, task_id, level, message, created_at) "
                    + "SELECT 1000000 + i, 90001, 'info', 'bulk line ' || i, '2024-10-01 13:00:00' FROM n");
        }
        long id = submitImport("delta", false);
        String path = "/api/v1/admin/legacy-imports/" + id;
        await(path, j -> j.getString("status").equals("running") && j.getJsonObject("progress").getJsonNumber("done").longValue() > 0);
        Api.Reply stop = admin.post("/api/v1/jobs/" + id + "/stop", "");
        assertThat(stop.status()).as(stop.body()).isEqualTo(200);
        JsonObject stopped = awaitEnd(path);
        assertThat(stopped.getString("status")).as(stopped.toString()).isEqualTo("stopped");
        long done = stopped.getJsonObject("progress").getJsonNumber("done").longValue();
        long total = stopped.getJsonObject("progress").getJsonNumber("total").longValue();
        assertThat(done).as("stopped in the middle").isPositive().isLessThan(total);

        Api.Reply restart = admin.post("/api/v1/jobs/" + id + "/restart", "");
        assertThat(restart.status()).as(restart.body()).isEqualTo(200);
        JsonObject completed = awaitEnd(path);
        assertThat(completed.getString("status")).as(completed.toString()).isEqualTo("completed");
        assertThat(completed.getJsonObject("progress").getJsonNumber("done").longValue()).isEqualTo(total);
        assertThat(completed.getInt("attempts")).isEqualTo(2);
        JsonObject report = admin.get(path + "/report").json();
        assertThat(report.getBoolean("balanced")).as(report.getString("summary")).isTrue();
        assertThat(report.getString("sourceSide")).as("a resumed run reads the file again for the source side").isNotBlank();
        assertThat(count("SELECT count(*) FROM job_logs WHERE legacy_id > 1000000")).isEqualTo(BULK_LOG_LINES);
        assertThat(count("SELECT count(*) FROM legacy_import_runs WHERE job_id = " + id)).as("resumed, not begun again").isOne();

        // What an uninterrupted run would have left: nothing is left to apply.
        long check = submitImport("delta", true);
        JsonObject nothing = awaitEnd("/api/v1/admin/legacy-imports/" + check);
        assertThat(nothing.getJsonObject("result").getJsonNumber("changes").longValue()).isZero();
    }

    @Test
    @Order(7)
    void exportRoundTrip() throws Exception {
        Path back = dir.resolve("back-" + System.nanoTime() + ".sqlite");
        Api.Reply started = admin.post("/api/v1/admin/legacy-exports", "{\"path\":\"" + back + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().getJsonNumber("id").longValue();
        JsonObject done = awaitEnd("/api/v1/admin/legacy-exports/" + id);
        assertThat(done.getString("status")).as(done.toString()).isEqualTo("completed");
        assertThat(done.getJsonObject("result").getInt("schemaVersion")).isEqualTo(7);

        try (Connection c = sqlite(back); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT value FROM schema_meta WHERE key = 'schema_version'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("7");
            }
            try (ResultSet rs = st.executeQuery("SELECT password_hash FROM users WHERE id = 110")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(PHP_HASH);
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM task_logs WHERE id > 1000000 AND message LIKE 'bulk line %'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(BULK_LOG_LINES);
            }
            try (ResultSet rs = st.executeQuery("SELECT keyword FROM tasks WHERE id = 90001")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("delta keyword");
            }
        }
        for (String table : List.of("users", "settings", "prompts", "tasks", "task_logs", "serp_results", "pages", "analyses", "generations")) {
            // Imported rows go back (and merged accounts, kept as aliases); quarantined rows and merged duplicate settings do not.
            long back1 = count("SELECT count(*) FROM legacy_id_map WHERE table_name = '" + table + "' AND (outcome = 'imported' "
                    + "OR (outcome = 'merged' AND table_name = 'users'))");
            assertThat(rows(back, table)).as(table + ": every imported legacy row goes back (and what Zemo created since)")
                    .isGreaterThanOrEqualTo(back1).isPositive();
        }
        assertThat(admin.post("/api/v1/admin/legacy-exports", "{\"path\":\"" + back + "\"}").status()).isEqualTo(409);
    }

    private static long submitImport(String mode, boolean dryRun) {
        Api.Reply r = admin.post("/api/v1/admin/legacy-imports", "{\"path\":\"" + source + "\",\"mode\":\"" + mode + "\",\"dryRun\":" + dryRun + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().getJsonNumber("id").longValue();
    }

    private static JsonObject awaitEnd(String path) throws InterruptedException {
        return await(path, j -> List.of("completed", "failed", "stopped", "canceled").contains(j.getString("status")));
    }

    private static JsonObject await(String path, java.util.function.Predicate<JsonObject> until) throws InterruptedException {
        long end = System.nanoTime() + JOB_TIMEOUT.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < end) {
            Api.Reply r = admin.get(path);
            if (r.status() == 429) {
                // a long wait polls more than the token's per-minute limit allows: back off as a client should
                Thread.sleep(1000);
                continue;
            }
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            last = r.json();
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not reach the expected state in " + JOB_TIMEOUT + "; last: " + last);
    }

    private static List<String> logMessages(long jobId) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : admin.get("/api/v1/jobs/" + jobId + "/logs?size=1000").json().getJsonArray("items")) {
            out.add(v.asJsonObject().getString("message"));
        }
        return out;
    }

    private static long count(String sql) throws Exception {
        try (Connection c = ZemoServer.get().db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long sourceRows(Path file) throws Exception {
        long n = 0;
        for (String t : List.of("users", "settings", "prompts", "tasks", "task_logs", "serp_results", "pages", "analyses", "generations")) {
            n += rows(file, t);
        }
        return n;
    }

    private static long rows(Path file, String table) throws Exception {
        try (Connection c = sqlite(file); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection sqlite(Path file) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** Statements separated by ';' at line ends; '--' comment lines skipped (as the batch tests' fixture does). */
    private static void exec(Connection c, String script) throws Exception {
        StringBuilder current = new StringBuilder();
        try (Statement st = c.createStatement()) {
            for (String line : script.split("\n")) {
                if (line.strip().startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    st.executeUpdate(current.toString());
                    current.setLength(0);
                }
            }
        }
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        if (!record.isEmpty() || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
