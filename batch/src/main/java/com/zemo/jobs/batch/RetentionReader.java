package com.zemo.jobs.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The maintenance job's reader: ids of rows older than a cut-off fixed at submission (so a restart deletes the
 * same set), in id order, a page at a time. One step per {@link RetentionTarget}.
 */
@jakarta.enterprise.context.Dependent
@Named("retentionReader")
public class RetentionReader extends AbstractItemReader {
    private static final int PAGE = 500;

    @Inject
    @BatchProperty
    String target;

    @Inject
    @BatchProperty
    String before;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    JobRuntime runtime;

    private RetentionTarget t;
    private Timestamp cutoff;
    private long lastId;
    private boolean exhausted;
    private final Deque<Long> page = new ArrayDeque<>();

    @Override
    public void open(Serializable checkpoint) throws SQLException {
        t = RetentionTarget.valueOf(target.toUpperCase());
        cutoff = Timestamp.from(OffsetDateTime.parse(before).toInstant());
        JobRef ref = JobRef.of(job, BatchRuntime.getJobOperator());
        if (checkpoint instanceof Long id) {
            lastId = id;
        } else {
            lastId = runtime.checkpoint(ref.jobId()).map(cp -> RetentionTarget.resumeFrom(cp, t)).orElse(0L);
        }
        if (t.ordinal() == 0 && lastId == 0) {
            runtime.setTotal(ref, RetentionTarget.countAll(runtime.dataSource(), job));
        }
    }

    @Override
    public Object readItem() throws SQLException {
        if (page.isEmpty() && !exhausted) {
            fill();
        }
        Long id = page.poll();
        if (id != null) {
            lastId = id;
        }
        return id;
    }

    private void fill() throws SQLException {
        JobRef ref = JobRef.of(job, BatchRuntime.getJobOperator());
        try (Connection c = runtime.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(t.selectSql())) {
            ps.setTimestamp(1, cutoff);
            ps.setLong(2, lastId);
            ps.setLong(3, ref.jobId());
            ps.setInt(4, PAGE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(rs.getLong(1));
                }
            }
        }
        exhausted = page.size() < PAGE;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
