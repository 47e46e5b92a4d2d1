package com.zemo.jobs.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

/** Writes the demo items and, on the same connection and transaction, the checkpoint that covers them. */
@jakarta.enterprise.context.Dependent
@Named("demoItemWriter")
public class DemoItemWriter extends AbstractItemWriter {

    @Inject
    JobContext ctx;

    @Inject
    JobRuntime runtime;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        JobRef job = JobRef.of(ctx, BatchRuntime.getJobOperator());
        int max = 0;
        try (Connection c = runtime.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_items (job_id, item, node) VALUES (?, ?, ?)")) {
                for (Object o : items) {
                    int item = (Integer) o;
                    max = Math.max(max, item);
                    ps.setLong(1, job.jobId());
                    ps.setInt(2, item);
                    ps.setString(3, job.node());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            runtime.advance(c, job, "{\"next\": " + (max + 1) + "}", items.size());
        }
    }
}
