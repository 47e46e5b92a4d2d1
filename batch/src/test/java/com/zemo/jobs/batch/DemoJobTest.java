package com.zemo.jobs.batch;

import com.zemo.jobs.batch.se.BatchTestEnvironment;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.zemo.jobs.batch.se.BatchTestEnvironment.await;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.claimAgain;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.claimNewJob;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.count;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.metric;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.operator;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.params;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.row;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.step;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production demo job XML ({@code META-INF/batch-jobs/demo.xml}) and its artifacts under JBeret SE, against a
 * real PostgreSQL and Redis ({@link BatchTestEnvironment}): restart from the batch checkpoint, take-over from the
 * application checkpoint, and fencing on {@code jobs.attempts}.
 */
@ExtendWith(BatchTestEnvironment.class)
class DemoJobTest {
    private static final Map<String, String> FAIL_AT_7 = Map.of("items", "20", "chunk", "3", "failAt", "7");

    @Test
    void restartResumesFromTheBatchCheckpointAndWritesEveryItemOnce() throws Exception {
        JobRef first = claimNewJob("demo");
        List<String> events = new CopyOnWriteArrayList<>();
        RedissonClient redis = subscriber(first.jobId(), events);
        try {
            long exec1 = operator().start("demo", params(first, FAIL_AT_7));
            assertThat(await(exec1)).isEqualTo(BatchStatus.FAILED);

            // Chunks [1-3] and [4-6] committed; the chunk that failed at item 7 left nothing.
            assertThat(itemCount(first.jobId())).isEqualTo(6);
            Map<String, Object> failed = job(first.jobId());
            assertThat(failed.get("status")).isEqualTo("failed");
            assertThat(failed.get("finished_at")).isNotNull();
            assertThat(failed.get("progress_done")).isEqualTo(6L);
            assertThat(failed.get("checkpoint").toString()).isEqualTo("{\"next\": 7}");

            // Operator restart: the job is queued again, the dispatcher claims it (attempt 2) and restarts the execution.
            JobRef second = claimAgain(first.jobId(), "restart");
            assertThat(second.attempt()).isEqualTo(2);
            long exec2 = operator().restart(exec1, params(second, FAIL_AT_7));
            assertThat(await(exec2)).isEqualTo(BatchStatus.COMPLETED);

            assertEveryItemExactlyOnce(first.jobId(), 20);
            long read1 = metric(step(exec1, "items"), Metric.MetricType.READ_COUNT);
            long read2 = metric(step(exec2, "items"), Metric.MetricType.READ_COUNT);
            assertThat(read1).isEqualTo(6);
            assertThat(read2).isEqualTo(14); // from item 7: the batch checkpoint
            assertThat(read1 + read2).isEqualTo(20);
            assertThat(metric(step(exec2, "items"), Metric.MetricType.WRITE_COUNT)).isEqualTo(14);

            Map<String, Object> done = job(first.jobId());
            assertThat(done.get("status")).isEqualTo("completed");
            assertThat(done.get("error")).isNull();
            assertThat(done.get("progress_done")).isEqualTo(20L);
            assertThat(done.get("progress_total")).isEqualTo(20L);
            assertThat(done.get("current_step")).isEqualTo("items");
            assertThat(logMessages(first.jobId())).anyMatch(m -> m.contains("ended: failed"))
                    .anyMatch(m -> m.contains("ended: completed"));

            // Live progress went out on the job's Redis topic.
            long deadline = System.currentTimeMillis() + 5000;
            while (events.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(events).isNotEmpty().allMatch(e -> e.contains("\"jobId\":" + first.jobId()));
        } finally {
            redis.shutdown();
        }
    }

    @Test
    void aNewExecutionAfterTakeOverResumesFromTheApplicationCheckpoint() throws Exception {
        JobRef first = claimNewJob("demo");
        long exec1 = operator().start("demo", params(first, FAIL_AT_7));
        assertThat(await(exec1)).isEqualTo(BatchStatus.FAILED);
        assertThat(itemCount(first.jobId())).isEqualTo(6);

        // Take-over: queued again and claimed (attempts = 2), then a NEW execution, which has no batch checkpoint.
        JobRef second = claimAgain(first.jobId(), "takeover");
        assertThat(job(first.jobId()).get("attempts")).isEqualTo(2);
        long exec2 = operator().start("demo", params(second, FAIL_AT_7));
        assertThat(exec2).isNotEqualTo(exec1);
        assertThat(await(exec2)).isEqualTo(BatchStatus.COMPLETED);

        assertEveryItemExactlyOnce(first.jobId(), 20);
        assertThat(metric(step(exec2, "items"), Metric.MetricType.READ_COUNT)).isEqualTo(14); // from {"next": 7}
        Map<String, Object> done = job(first.jobId());
        assertThat(done.get("status")).isEqualTo("completed");
        assertThat(done.get("progress_done")).isEqualTo(20L);
        assertThat(done.get("takeovers")).isEqualTo(1);
    }

    @Test
    void anExecutionWhoseAttemptIsStaleWritesNothingAndDoesNotFinishTheJob() throws Exception {
        JobRef stale = claimNewJob("demo");
        // Another node took the job over before this execution wrote anything.
        update("UPDATE jobs SET attempts = 2 WHERE id = ?", stale.jobId());

        long exec = operator().start("demo", params(stale, Map.of("items", "9", "chunk", "3")));
        assertThat(await(exec)).isEqualTo(BatchStatus.FAILED);

        assertThat(itemCount(stale.jobId())).isZero();
        assertThat(metric(step(exec, "items"), Metric.MetricType.WRITE_COUNT)).isZero();
        assertThat(metric(step(exec, "items"), Metric.MetricType.ROLLBACK_COUNT)).isEqualTo(1);
        Map<String, Object> job = job(stale.jobId());
        assertThat(job.get("status")).isEqualTo("running");
        assertThat(job.get("attempts")).isEqualTo(2);
        assertThat(job.get("finished_at")).isNull();
        assertThat(job.get("error")).isNull();
        assertThat(job.get("progress_done")).isEqualTo(0L);
        assertThat(job.get("progress_total")).isNull(); // setTotal is fenced too
        assertThat(job.get("checkpoint")).isNull();
        assertThat(logMessages(stale.jobId()))
                .anyMatch(m -> m.contains("FencedOffException") && m.contains("attempt 1 is no longer the owner"))
                .anyMatch(m -> m.contains("after losing the job to another attempt; nothing recorded"));
    }

    @Test
    void anExecutionFencedOffMidRunKeepsOnlyTheChunksItCommittedBefore() throws Exception {
        JobRef ref = claimNewJob("demo");
        long exec = operator().start("demo", params(ref, Map.of("items", "200", "chunk", "3", "itemMillis", "10")));
        long deadline = System.currentTimeMillis() + 10_000;
        while (itemCount(ref.jobId()) < 6 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        update("UPDATE jobs SET attempts = attempts + 1 WHERE id = ?", ref.jobId()); // taken over
        assertThat(await(exec)).isEqualTo(BatchStatus.FAILED);

        long items = itemCount(ref.jobId());
        Map<String, Object> job = job(ref.jobId());
        assertThat(items).isBetween(6L, 197L);
        assertThat(items % 3).isZero(); // whole chunks only: the fenced one rolled back its inserts
        assertThat(job.get("progress_done")).isEqualTo(items);
        assertThat(job.get("checkpoint").toString()).isEqualTo("{\"next\": " + (items + 1) + "}");
        assertThat(count("SELECT max(item) FROM job_items WHERE job_id = ?", ref.jobId())).isEqualTo(items);
        assertThat(job.get("status")).isEqualTo("running");
        assertThat(job.get("finished_at")).isNull();
    }

    @Test
    void aStoppedExecutionMarksTheJobStoppedAndARestartFinishesIt() throws Exception {
        JobRef first = claimNewJob("demo");
        Map<String, String> slow = Map.of("items", "80", "chunk", "4", "itemMillis", "10");
        long exec1 = operator().start("demo", params(first, slow));
        long deadline = System.currentTimeMillis() + 10_000;
        while (itemCount(first.jobId()) < 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        operator().stop(exec1); // what the dispatcher does for a stop request
        assertThat(await(exec1)).isEqualTo(BatchStatus.STOPPED);
        long written = itemCount(first.jobId());
        assertThat(written).isBetween(4L, 79L);
        Map<String, Object> stopped = job(first.jobId());
        // JBeret ends the current chunk early on stop (a short last chunk), and commits it with its checkpoint.
        assertThat(stopped.get("progress_done")).isEqualTo(written);
        assertThat(stopped.get("checkpoint").toString()).isEqualTo("{\"next\": " + (written + 1) + "}");
        assertThat(stopped.get("status")).isEqualTo("stopped");
        assertThat(stopped.get("error")).isNull();

        JobRef second = claimAgain(first.jobId(), "restart");
        long exec2 = operator().restart(exec1, params(second, slow));
        assertThat(await(exec2)).isEqualTo(BatchStatus.COMPLETED);
        assertEveryItemExactlyOnce(first.jobId(), 80);
        assertThat(metric(step(exec2, "items"), Metric.MetricType.READ_COUNT)).isEqualTo(80 - written);
        assertThat(job(first.jobId()).get("status")).isEqualTo("completed");
    }

    private static RedissonClient subscriber(long jobId, List<String> events) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setThreads(1);
        config.setNettyThreads(2);
        config.useSingleServer().setAddress(BatchTestEnvironment.redisUrl())
                .setConnectionMinimumIdleSize(1).setConnectionPoolSize(2)
                .setSubscriptionConnectionMinimumIdleSize(1).setSubscriptionConnectionPoolSize(1);
        RedissonClient client = Redisson.create(config);
        client.getTopic(JobEvents.TOPIC_PREFIX + jobId).addListener(String.class, (channel, msg) -> events.add(msg));
        return client;
    }

    private static void assertEveryItemExactlyOnce(long jobId, int n) throws Exception {
        Map<String, Object> items = row("SELECT count(*) AS n, count(DISTINCT item) AS d, min(item) AS lo, max(item) AS hi "
                + "FROM job_items WHERE job_id = ?", jobId);
        assertThat(items).containsEntry("n", (long) n).containsEntry("d", (long) n).containsEntry("lo", 1).containsEntry("hi", n);
    }

    static long itemCount(long jobId) throws Exception {
        return count("SELECT count(*) FROM job_items WHERE job_id = ?", jobId);
    }

    static Map<String, Object> job(long jobId) throws Exception {
        return row("SELECT status, attempts, error, progress_done, progress_total, current_step, checkpoint::text AS checkpoint, "
                + "finished_at, takeovers FROM jobs WHERE id = ?", jobId);
    }

    static List<String> logMessages(long jobId) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (var c = BatchTestEnvironment.db().getConnection();
             var ps = c.prepareStatement("SELECT message FROM job_logs WHERE job_id = ? ORDER BY id")) {
            ps.setLong(1, jobId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
