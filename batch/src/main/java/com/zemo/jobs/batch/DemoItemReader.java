package com.zemo.jobs.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * The synthetic "demo" job: items 1..N, each taking {@code itemMillis}. It exists to prove (and measure) the
 * jobs machinery: checkpoints, restart, take-over, stop, limits. {@code failAt} makes the first attempt fail
 * once at that item.
 */
@jakarta.enterprise.context.Dependent
@Named("demoItemReader")
public class DemoItemReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String items;

    @Inject
    @BatchProperty
    String itemMillis;

    @Inject
    @BatchProperty
    String failAt;

    @Inject
    JobContext ctx;

    @Inject
    JobRuntime runtime;

    private JobRef job;
    private int next;
    private int last;

    @Override
    public void open(Serializable checkpoint) {
        job = JobRef.of(ctx, BatchRuntime.getJobOperator());
        last = Integer.parseInt(items);
        if (checkpoint instanceof Integer batchCheckpoint) {
            next = batchCheckpoint;               // restart of the same execution line: the batch checkpoint
        } else {
            next = runtime.checkpoint(job.jobId()) // a new execution (take-over): the application checkpoint
                    .map(DemoItemReader::nextFrom).orElse(1);
        }
        runtime.setTotal(job, last);
    }

    static int nextFrom(String json) {
        int i = json.indexOf("\"next\":");
        if (i < 0) {
            return 1;
        }
        int end = i + 7;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == ' ')) {
            end++;
        }
        return Integer.parseInt(json.substring(i + 7, end).trim());
    }

    @Override
    public Object readItem() throws InterruptedException {
        if (next > last) {
            return null;
        }
        if (failAt != null && !failAt.isBlank() && Integer.parseInt(failAt) == next && job.attempt() == 1) {
            throw new IllegalStateException("demo failure at item " + next + " (failAt)");
        }
        long ms = itemMillis == null ? 0 : Long.parseLong(itemMillis);
        if (ms > 0) {
            Thread.sleep(ms);
        }
        return next++;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
