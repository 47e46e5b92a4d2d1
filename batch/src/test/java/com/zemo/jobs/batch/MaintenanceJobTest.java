package com.zemo.jobs.batch;

import com.zemo.jobs.batch.se.BatchTestEnvironment;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.zemo.jobs.batch.DemoJobTest.job;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.await;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.claimAgain;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.claimNewJob;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.count;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.db;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.metric;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.operator;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.params;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.step;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production maintenance job XML ({@code META-INF/batch-jobs/maintenance.xml}) under JBeret SE against a real
 * PostgreSQL: it deletes only rows older than its cut-offs, and a restart after a failure in its second step does
 * not run the first again. The failure is a real one: a trigger (created by this test) makes PostgreSQL refuse to
 * delete jobs while a row in {@code test_failures} asks it to.
 */
@ExtendWith(BatchTestEnvironment.class)
class MaintenanceJobTest {
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    @BeforeAll
    static void failureSwitch() throws SQLException {
        try (Connection c = db().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS test_failures (what TEXT PRIMARY KEY)");
            s.execute("CREATE OR REPLACE FUNCTION test_fail_jobs_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF EXISTS (SELECT 1 FROM test_failures WHERE what = 'delete jobs') THEN "
                    + "RAISE EXCEPTION 'test: deleting jobs fails now'; END IF; RETURN OLD; END $$");
            s.execute("CREATE OR REPLACE TRIGGER test_fail_jobs_delete BEFORE DELETE ON jobs "
                    + "FOR EACH ROW EXECUTE FUNCTION test_fail_jobs_delete()");
        }
    }

    @AfterAll
    static void removeFailureSwitch() throws SQLException {
        try (Connection c = db().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS test_fail_jobs_delete ON jobs");
            s.execute("DROP FUNCTION IF EXISTS test_fail_jobs_delete()");
            s.execute("DROP TABLE IF EXISTS test_failures");
        }
    }

    /** The parameters {@code JobTypes} derives for the maintenance job: logDays 30, jobDays 90. */
    private static Map<String, String> cutOffs() {
        return Map.of("logDays", "30", "jobDays", "90",
                "logsBefore", NOW.minusDays(30).toString(), "jobsBefore", NOW.minusDays(90).toString());
    }

    @Test
    void deletesOnlyRowsOlderThanTheCutOffs() throws Exception {
        long host = finishedJob("completed", 10);               // recent finished job: kept, and so are its recent logs
        List<Long> oldLogs = List.of(log(host, 45), log(host, 31), log(host, 400));
        List<Long> recentLogs = List.of(log(host, 29), log(host, 0));
        long oldCompleted = finishedJob("completed", 120);
        long oldFailed = finishedJob("failed", 91);
        long oldCanceled = finishedJob("canceled", 365);
        long cascaded = log(oldCompleted, 1);                    // a recent line of an old job goes with its job
        long recentFinished = finishedJob("completed", 89);
        long oldRunning = oldUnfinishedJob("running", null);
        long oldQueued = oldUnfinishedJob("queued", null);
        long parentOfRunning = finishedJob("completed", 200);    // old, but a child still runs
        oldUnfinishedJob("running", parentOfRunning);

        var ref = claimNewJob("maintenance");
        long exec = operator().start("maintenance", params(ref, cutOffs()));
        assertThat(await(exec)).isEqualTo(BatchStatus.COMPLETED);

        assertThat(operator().getStepExecutions(exec)).extracting(StepExecution::getStepName, StepExecution::getBatchStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("logs", BatchStatus.COMPLETED),
                        org.assertj.core.groups.Tuple.tuple("jobs", BatchStatus.COMPLETED));
        assertThat(metric(step(exec, "logs"), Metric.MetricType.WRITE_COUNT)).isEqualTo(oldLogs.size());
        assertThat(metric(step(exec, "jobs"), Metric.MetricType.WRITE_COUNT)).isEqualTo(3);

        assertThat(existingLogs(oldLogs)).isEmpty();
        assertThat(existingLogs(recentLogs)).containsExactlyElementsOf(recentLogs);
        assertThat(existingLogs(List.of(cascaded))).isEmpty();
        assertThat(existingJobs(List.of(oldCompleted, oldFailed, oldCanceled))).isEmpty();
        assertThat(existingJobs(List.of(host, recentFinished, oldRunning, oldQueued, parentOfRunning, ref.jobId())))
                .containsExactly(host, recentFinished, oldRunning, oldQueued, parentOfRunning, ref.jobId());

        Map<String, Object> job = job(ref.jobId());
        assertThat(job.get("status")).isEqualTo("completed");
        assertThat(job.get("current_step")).isEqualTo("jobs");
        assertThat(job.get("checkpoint").toString()).startsWith("{\"step\": \"jobs\", \"lastId\": ");
    }

    @Test
    void aRestartAfterAFailureInTheSecondStepDoesNotRunTheFirstAgain() throws Exception {
        long host = finishedJob("completed", 5);
        List<Long> oldLogs = List.of(log(host, 60), log(host, 40));
        List<Long> oldJobs = List.of(finishedJob("completed", 100), finishedJob("stopped", 150));
        update("INSERT INTO test_failures (what) VALUES ('delete jobs')");

        var first = claimNewJob("maintenance");
        long exec1 = operator().start("maintenance", params(first, cutOffs()));
        assertThat(await(exec1)).isEqualTo(BatchStatus.FAILED);
        assertThat(step(exec1, "logs").getBatchStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(step(exec1, "jobs").getBatchStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(existingLogs(oldLogs)).isEmpty();
        assertThat(existingJobs(oldJobs)).containsExactlyElementsOf(oldJobs); // the failed chunk rolled back
        Map<String, Object> failed = job(first.jobId());
        assertThat(failed.get("status")).isEqualTo("failed");
        assertThat(failed.get("checkpoint").toString()).startsWith("{\"step\": \"logs\", \"lastId\": ");

        // An old line that appears now would be deleted if the first step ran again.
        long lateOldLog = log(host, 50);
        update("DELETE FROM test_failures");

        var second = claimAgain(first.jobId(), "restart");
        long exec2 = operator().restart(exec1, params(second, cutOffs()));
        assertThat(await(exec2)).isEqualTo(BatchStatus.COMPLETED);

        assertThat(operator().getStepExecutions(exec2)).extracting(StepExecution::getStepName).containsExactly("jobs");
        assertThat(step(exec2, "jobs").getBatchStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(metric(step(exec2, "jobs"), Metric.MetricType.WRITE_COUNT)).isEqualTo(oldJobs.size());
        assertThat(existingLogs(List.of(lateOldLog))).containsExactly(lateOldLog);
        assertThat(existingJobs(oldJobs)).isEmpty();
        assertThat(existingJobs(List.of(host))).containsExactly(host);
        assertThat(job(first.jobId()).get("status")).isEqualTo("completed");

        update("DELETE FROM job_logs WHERE id = ?", lateOldLog); // leave no old rows for other tests
    }

    /**
     * The jobs step reads a page of ids, then deletes them a chunk at a time. A failed child of an old parent that is
     * requeued in between (operator restart or retry-failed) must not be deleted with its parent by the cascade. The
     * requeue is made by a trigger on the first delete of the step, so it lands between the read and the delete of
     * the parent's chunk every time.
     */
    @Test
    void aParentWhoseChildWasRequeuedAfterTheReadIsNotDeleted() throws Exception {
        List<Long> old = new java.util.ArrayList<>(); // more than one chunk (item-count 200) of the jobs step
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO jobs (type, status, attempts, created_at, finished_at) SELECT 'demo', 'completed', 1, "
                        + "now() - interval '101 days', now() - interval '100 days' FROM generate_series(1, 210) RETURNING id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                old.add(rs.getLong(1));
            }
        }
        old.sort(null);
        long parent = finishedJob("completed", 100);
        long child = insert("INSERT INTO jobs (type, status, attempts, parent_id, created_at, finished_at) "
                + "VALUES ('demo', 'failed', 1, ?, now() - interval '101 days', now() - interval '100 days') RETURNING id", parent);
        try (Connection c = db().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE FUNCTION test_requeue_child() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF OLD.id = " + old.get(0) + " THEN "
                    + "UPDATE jobs SET status = 'queued', resume_mode = 'restart', finished_at = NULL, error = NULL WHERE id = " + child + "; "
                    + "END IF; RETURN OLD; END $$");
            s.execute("CREATE OR REPLACE TRIGGER test_requeue_child AFTER DELETE ON jobs FOR EACH ROW EXECUTE FUNCTION test_requeue_child()");
        }
        try {
            var ref = claimNewJob("maintenance");
            long exec = operator().start("maintenance", params(ref, cutOffs()));
            assertThat(await(exec)).isEqualTo(BatchStatus.COMPLETED);

            assertThat(existingJobs(old)).isEmpty();
            assertThat(existingJobs(List.of(parent, child))).containsExactly(parent, child);
            assertThat(job(child).get("status")).isEqualTo("queued");
        } finally {
            try (Connection c = db().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER IF EXISTS test_requeue_child ON jobs");
                s.execute("DROP FUNCTION IF EXISTS test_requeue_child()");
                s.execute("DELETE FROM jobs WHERE id IN (" + parent + ", " + child + ")");
            }
        }
    }

    private static long finishedJob(String status, int daysAgo) throws SQLException {
        return insert("INSERT INTO jobs (type, status, attempts, created_at, started_at, finished_at) "
                + "VALUES ('demo', ?, 1, now() - make_interval(days => ?), now() - make_interval(days => ?), now() - make_interval(days => ?)) RETURNING id",
                status, daysAgo + 1, daysAgo + 1, daysAgo);
    }

    private static long oldUnfinishedJob(String status, Long parent) throws SQLException {
        return insert("INSERT INTO jobs (type, status, attempts, parent_id, created_at) VALUES ('demo', ?, 1, ?, now() - interval '500 days') RETURNING id",
                status, parent);
    }

    private static long log(long jobId, int daysAgo) throws SQLException {
        return insert("INSERT INTO job_logs (job_id, at, level, message) VALUES (?, now() - make_interval(days => ?), 'INFO', 'test line') RETURNING id",
                jobId, daysAgo);
    }

    private static long insert(String sql, Object... args) throws SQLException {
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Long> existingLogs(List<Long> ids) throws SQLException {
        return existing("job_logs", ids);
    }

    private static List<Long> existingJobs(List<Long> ids) throws SQLException {
        return existing("jobs", ids);
    }

    private static List<Long> existing(String table, List<Long> ids) throws SQLException {
        try (Connection c = db().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE id = ANY(?) ORDER BY array_position(?, id)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            List<Long> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }
}
