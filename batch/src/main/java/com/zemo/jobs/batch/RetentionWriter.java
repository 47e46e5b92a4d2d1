package com.zemo.jobs.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

/** Deletes a chunk of old rows and records the checkpoint in the same transaction. */
@jakarta.enterprise.context.Dependent
@Named("retentionWriter")
public class RetentionWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String target;

    @Inject
    JobContext job;

    @Inject
    JobRuntime runtime;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        RetentionTarget t = RetentionTarget.valueOf(target.toUpperCase());
        JobRef ref = JobRef.of(job, BatchRuntime.getJobOperator());
        Long[] ids = items.stream().map(o -> (Long) o).toArray(Long[]::new);
        long last = 0;
        for (Long id : ids) {
            last = Math.max(last, id);
        }
        try (Connection c = runtime.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(t.deleteSql())) {
                ps.setArray(1, c.createArrayOf("bigint", ids));
                ps.executeUpdate();
            }
            runtime.advance(c, ref, t.checkpoint(last), ids.length);
        }
    }
}
