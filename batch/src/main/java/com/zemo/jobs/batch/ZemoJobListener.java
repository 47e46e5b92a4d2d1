package com.zemo.jobs.batch;

import com.zemo.platform.LogContext;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Ties a batch execution to its Zemo job: a log line when it starts, the job's final status when it ends. */
@jakarta.enterprise.context.Dependent
@Named("zemoJobListener")
public class ZemoJobListener implements JobListener {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ZemoJobListener.class.getName());

    @Inject
    JobContext ctx;

    @Inject
    JobRuntime runtime;

    @Inject
    JobEvents events;

    @Inject
    JobMetrics metrics;

    private long startedNanos;

    private java.time.Duration elapsed() {
        return java.time.Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    @Override
    public void beforeJob() {
        startedNanos = System.nanoTime();
        JobRef job = JobRef.of(ctx, BatchRuntime.getJobOperator());
        LogContext.put(LogContext.JOB_ID, Long.toString(job.jobId()));
        String[] origin = runtime.origin(job.jobId());
        LogContext.put(LogContext.REQUEST_ID, origin[0]);
        LogContext.put(LogContext.USER, origin[1]);
        // In the server log too, carrying the submitting request's id: one grep finds the request and its job.
        LOG.info(() -> "job " + job.jobId() + " (" + ctx.getJobName() + ") execution " + ctx.getExecutionId() + " started, attempt " + job.attempt());
        runtime.recordExecution(job, ctx.getExecutionId());
        events.log(job.jobId(), "INFO", null, job.node(), "execution " + ctx.getExecutionId() + " of " + ctx.getJobName()
                + " started on " + job.node() + " (attempt " + job.attempt() + ")");
    }

    @Override
    public void afterJob() {
        JobRef job = JobRef.of(ctx, BatchRuntime.getJobOperator());
        BatchStatus batch = ctx.getBatchStatus();
        String exit = ctx.getExitStatus();
        boolean failed = batch == BatchStatus.FAILED || (exit != null && exit.startsWith("FAILED"));
        String status = batch == BatchStatus.STOPPING || batch == BatchStatus.STOPPED ? "stopped" : failed ? "failed" : "completed";
        String error = failed ? (exit != null && !exit.equals("FAILED") ? exit : "the batch execution failed; see the job log") : null;
        Object transientData = ctx.getTransientUserData();
        String result = transientData instanceof String s ? s : null;
        boolean owned = runtime.finish(job, status, error, result);
        if (owned) {
            metrics.finished(ctx.getJobName(), status, elapsed());
        }
        events.log(job.jobId(), failed ? "ERROR" : "INFO", null, job.node(), owned
                ? "execution " + ctx.getExecutionId() + " ended: " + status
                : "execution " + ctx.getExecutionId() + " ended (" + batch + ") after losing the job to another attempt; nothing recorded");
        events.progressChanged(job.jobId());
        events.wakeDispatchers();
        LOG.info(() -> "job " + job.jobId() + " (" + ctx.getJobName() + ") execution " + ctx.getExecutionId() + " ended: " + status);
        LogContext.put(LogContext.JOB_ID, null);
        LogContext.put(LogContext.REQUEST_ID, null);
        LogContext.put(LogContext.USER, null);
    }
}
