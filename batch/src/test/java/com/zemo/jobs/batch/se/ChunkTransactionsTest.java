package com.zemo.jobs.batch.se;

import com.zemo.jobs.batch.JobEvents;
import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.JobRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;

import static com.zemo.jobs.batch.se.BatchTestEnvironment.bean;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.claimNewJob;
import static com.zemo.jobs.batch.se.BatchTestEnvironment.count;
import static org.assertj.core.api.Assertions.assertThat;

/** The test harness itself: the artifacts' connections follow the chunk transaction; REQUIRES_NEW escapes it. */
@ExtendWith(BatchTestEnvironment.class)
class ChunkTransactionsTest {
    private final ChunkTransactions tm = ChunkTransactions.INSTANCE;

    @Test
    void writesOfAllConnectionsInATransactionCommitOrRollBackTogether() throws Exception {
        JobRef ref = claimNewJob("demo");
        JobRuntime runtime = bean(JobRuntime.class);

        tm.begin();
        insertItem(runtime, ref, 1);
        insertItem(runtime, ref, 2); // a second getConnection(): the same transaction
        tm.rollback();
        assertThat(count("SELECT count(*) FROM job_items WHERE job_id = ?", ref.jobId())).isZero();

        tm.begin();
        insertItem(runtime, ref, 1);
        insertItem(runtime, ref, 2);
        assertThat(count("SELECT count(*) FROM job_items WHERE job_id = ?", ref.jobId())).isZero(); // not yet visible
        tm.commit();
        assertThat(count("SELECT count(*) FROM job_items WHERE job_id = ?", ref.jobId())).isEqualTo(2);

        insertItem(runtime, ref, 3); // no transaction: auto-commit
        assertThat(count("SELECT count(*) FROM job_items WHERE job_id = ?", ref.jobId())).isEqualTo(3);
    }

    @Test
    void aLogLineSurvivesTheRollbackOfTheChunkThatWroteIt() throws Exception {
        JobRef ref = claimNewJob("demo");
        JobRuntime runtime = bean(JobRuntime.class);
        JobEvents events = bean(JobEvents.class);

        tm.begin();
        insertItem(runtime, ref, 1);
        long line = events.log(ref.jobId(), "INFO", "items", ref.node(), "written inside a chunk that rolls back");
        tm.rollback();

        assertThat(line).isPositive();
        assertThat(count("SELECT count(*) FROM job_logs WHERE id = ?", line)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM job_items WHERE job_id = ?", ref.jobId())).isZero();
    }

    private static void insertItem(JobRuntime runtime, JobRef ref, int item) throws Exception {
        try (Connection c = runtime.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO job_items (job_id, item, node) VALUES (?, ?, ?)")) {
            ps.setLong(1, ref.jobId());
            ps.setInt(2, item);
            ps.setString(3, ref.node());
            ps.executeUpdate();
        }
    }
}
