package com.zemo.legacy.batch;

import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.se.BatchTestEnvironment;
import com.zemo.legacy.importer.ChunkListener;
import com.zemo.legacy.importer.ImportOptions;
import com.zemo.legacy.importer.LegacyImporter;
import com.zemo.legacy.support.LegacyFixture;
import com.zemo.legacy.support.Sql;
import com.zemo.legacy.support.TestDatabases;
import jakarta.batch.runtime.BatchStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.zemo.jobs.batch.se.BatchTestEnvironment.await;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.claimAgain;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.claimNewJob;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.db;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.operator;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production legacy-import job XML and its batchlets under JBeret SE against a real PostgreSQL: stopped in
 * the middle of the import and then restarted (same execution line), or resumed by a new execution as a
 * take-over after a dead node does, it ends in exactly the state of an uninterrupted import of the same file
 * (same id map with every row's converted checksum and outcome, same quarantine and flags, same row counts),
 * with a balanced reconciliation report as the job's result. A dry run writes nothing.
 */
@ExtendWith(BatchTestEnvironment.class)
class LegacyImportJobTest {
    /** Small chunks: the fixture's few hundred rows become enough chunks to stop in the middle. */
    private static final String CHUNK = "5";

    @TempDir
    Path dir;

    @BeforeEach
    void noLegacyDataYet() throws Exception {
        wipeLegacyData(db());
    }

    @Test
    void stoppedMidImportAndRestartedEqualsAnUninterruptedImport() throws Exception {
        Path file = LegacyFixture.copy(dir);
        JobRef first = claimNewJob("legacy-import");
        Map<String, String> p = Map.of("path", file.toString(), "mode", "full", "chunk", CHUNK);
        long exec1 = operator().start("legacy-import", params(first, p));
        stopOnceSomeChunksCommitted(first.jobId(), exec1);
        assertThat(await(exec1)).isEqualTo(BatchStatus.STOPPED);
        Map<String, Object> stopped = job(first.jobId());
        assertThat(stopped.get("status")).isEqualTo("stopped");
        long done = (Long) stopped.get("progress_done");
        long total = (Long) stopped.get("progress_total");
        assertThat(done).as("stopped in the middle").isGreaterThan(0).isLessThan(total);
        assertThat(stopped.get("checkpoint").toString()).contains("\"runId\"").contains("\"lastSourceId\"");

        JobRef second = claimAgain(first.jobId(), "restart");
        long exec2 = operator().restart(exec1, params(second, p));
        assertThat(await(exec2)).isEqualTo(BatchStatus.COMPLETED);

        assertCompletedLikeAnUninterruptedImport(first.jobId(), file, total);
    }

    @Test
    void aNewExecutionAfterATakeOverResumesFromTheCheckpoint() throws Exception {
        Path file = LegacyFixture.copy(dir);
        JobRef first = claimNewJob("legacy-import");
        Map<String, String> p = Map.of("path", file.toString(), "mode", "full", "chunk", CHUNK);
        long exec1 = operator().start("legacy-import", params(first, p));
        stopOnceSomeChunksCommitted(first.jobId(), exec1);
        await(exec1);
        long total = (Long) job(first.jobId()).get("progress_total");

        // As after the node died: the dispatcher elsewhere claims the job (attempt 2) and starts a new execution,
        // which knows nothing but the database.
        JobRef second = claimAgain(first.jobId(), "takeover");
        long exec2 = operator().start("legacy-import", params(second, p));
        assertThat(await(exec2)).isEqualTo(BatchStatus.COMPLETED);

        assertCompletedLikeAnUninterruptedImport(first.jobId(), file, total);
        assertThat(Sql.count(db(), "SELECT count(*) FROM legacy_import_runs WHERE job_id = ?", first.jobId()))
                .as("one run, resumed; not a second import").isEqualTo(1);
    }

    @Test
    void anUninterruptedJobReconcilesTablesAsTheyFinishAndEqualsTheCoreImport() throws Exception {
        Path file = LegacyFixture.copy(dir);
        JobRef job = claimNewJob("legacy-import");
        long exec = operator().start("legacy-import", params(job, Map.of("path", file.toString(), "mode", "full", "chunk", CHUNK)));
        assertThat(await(exec)).isEqualTo(BatchStatus.COMPLETED);

        long total = (Long) job(job.jobId()).get("progress_total");
        assertCompletedLikeAnUninterruptedImport(job.jobId(), file, total);
        assertThat(Sql.count(db(), "SELECT count(*) FROM job_logs WHERE job_id = ? AND message LIKE "
                + "'all % rows accounted for%source checksums recorded by the import run from the file)'", job.jobId()))
                .as("the reconcile step used the checksums and tables the import step reconciled ahead").isEqualTo(1);
    }

    @Test
    void aDryRunWritesNothingAndSaysWhatWouldChange() throws Exception {
        Path file = LegacyFixture.copy(dir);
        JobRef job = claimNewJob("legacy-import");
        long exec = operator().start("legacy-import", params(job, Map.of("path", file.toString(), "mode", "delta", "dryRun", "true")));
        assertThat(await(exec)).isEqualTo(BatchStatus.COMPLETED);

        assertThat(Sql.count(db(), "SELECT count(*) FROM legacy_id_map")).isZero();
        assertThat(Sql.count(db(), "SELECT count(*) FROM legacy_import_runs")).isZero();
        Map<String, Object> j = job(job.jobId());
        assertThat(j.get("status")).isEqualTo("completed");
        assertThat(j.get("result").toString()).contains("\"dryRun\": true").contains("\"table\": \"users\"")
                .contains("nothing was written");
        assertThat(Sql.count(db(), "SELECT count(*) FROM job_logs WHERE job_id = ? AND message LIKE 'would change tasks:%'", job.jobId()))
                .isEqualTo(1);
    }

    private void assertCompletedLikeAnUninterruptedImport(long jobId, Path file, long total) throws Exception {
        Map<String, Object> done = job(jobId);
        assertThat(done.get("status")).isEqualTo("completed");
        assertThat(done.get("progress_done")).isEqualTo(total);
        String result = done.get("result").toString();
        assertThat(result).contains("\"balanced\": true").contains("\"totalUnaccounted\": 0");

        Instant asOf = ((java.sql.Timestamp) Sql.one(db(), "SELECT as_of FROM legacy_import_runs WHERE job_id = ?", jobId)).toInstant();
        DataSource reference = TestDatabases.fresh();
        new LegacyImporter(reference, file, ImportOptions.full(BatchTestEnvironment.SECRETS_KEY)).run(asOf, ChunkListener.NONE);
        assertThat(legacyState(db())).isEqualTo(legacyState(reference));
    }

    /** Polls the job's progress and stops the execution as soon as a chunk has committed. */
    private static void stopOnceSomeChunksCommitted(long jobId, long execution) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Sql.count(db(), "SELECT progress_done FROM jobs WHERE id = ?", jobId) > 0) {
                operator().stop(execution);
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no chunk committed in 30 s");
    }

    private static Map<String, Object> job(long id) throws Exception {
        Object[] r = Sql.rows(db(), "SELECT status, progress_done, progress_total, checkpoint::text, result::text FROM jobs WHERE id = ?", id).get(0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r[0]);
        m.put("progress_done", r[1]);
        m.put("progress_total", r[2]);
        m.put("checkpoint", r[3]);
        m.put("result", r[4]);
        return m;
    }

    /** What the import put in the database, without the ids it drew from sequences (they differ between databases). */
    private static Map<String, Object> legacyState(DataSource ds) throws Exception {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String t : List.of("users", "settings", "prompts", "jobs", "job_logs", "serp_results", "pages", "analyses", "generations")) {
            s.put(t, Sql.count(ds, "SELECT count(*) FROM " + t + " WHERE legacy_id IS NOT NULL"));
        }
        for (String t : List.of("legacy_user_aliases", "legacy_orphan_settings", "legacy_id_map", "legacy_quarantine")) {
            s.put(t, Sql.count(ds, "SELECT count(*) FROM " + t));
        }
        List<String> idMap = new ArrayList<>();
        for (Object[] r : Sql.rows(ds, "SELECT table_name, legacy_id, checksum, outcome FROM legacy_id_map ORDER BY 1, 2")) {
            idMap.add(r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3]);
        }
        s.put("id map", idMap);
        List<String> quarantine = new ArrayList<>();
        for (Object[] r : Sql.rows(ds, "SELECT table_name, source_id, column_name, reason, raw_value, kind FROM legacy_quarantine "
                + "ORDER BY table_name, source_id, column_name, reason, kind")) {
            // A merge names the new id of the account it merged onto: drawn from a sequence, it differs between databases.
            String reason = String.valueOf(r[3]).replaceAll("user id \\d+", "user id #");
            quarantine.add(r[0] + "|" + r[1] + "|" + r[2] + "|" + reason + "|" + r[4] + "|" + r[5]);
        }
        s.put("quarantine", quarantine);
        return s;
    }

    /** The batch tests share one database: every test here starts without legacy rows (and leaves none for other classes). */
    static void wipeLegacyData(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String sql : List.of("DELETE FROM legacy_quarantine", "DELETE FROM legacy_id_map", "DELETE FROM legacy_import_runs",
                    "DELETE FROM generations WHERE legacy_id IS NOT NULL", "DELETE FROM analyses WHERE legacy_id IS NOT NULL",
                    "DELETE FROM pages WHERE legacy_id IS NOT NULL", "DELETE FROM serp_results WHERE legacy_id IS NOT NULL",
                    "DELETE FROM job_logs WHERE legacy_id IS NOT NULL", "DELETE FROM jobs WHERE legacy_id IS NOT NULL",
                    "DELETE FROM prompts WHERE legacy_id IS NOT NULL", "DELETE FROM settings WHERE legacy_id IS NOT NULL",
                    "DELETE FROM legacy_orphan_settings", "DELETE FROM legacy_user_aliases",
                    "DELETE FROM users WHERE legacy_id IS NOT NULL")) {
                st.executeUpdate(sql);
            }
        }
    }
}
