package com.zemo.pipeline.batch;

import com.zemo.jobs.batch.JobEvents;
import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.JobRuntime;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;

import java.sql.Connection;
import java.util.Optional;

/**
 * One step of a pipeline: make sure the step's child job exists and ends well, then move on. The child is found
 * again after a restart or a take-over: a completed child is kept as it is (nothing is fetched or paid for twice),
 * a failed or stopped one is restarted from its own checkpoint, a running one is waited for.
 */
@Dependent
@Named("pipelineStepBatchlet")
public class PipelineStepBatchlet extends AbstractBatchlet {
    static final String SKIPPED = "SKIPPED";

    @Inject
    JobContext ctx;

    @Inject
    JobRuntime runtime;

    @Inject
    JobEvents events;

    @Inject
    @BatchProperty
    String step;

    private volatile boolean stopping;

    @Override
    public String process() throws Exception {
        JobRef job = JobRef.of(ctx, BatchRuntime.getJobOperator());
        PipelineStep s = PipelineStep.of(step);
        try (Connection c = runtime.dataSource().getConnection()) {
            PipelineChildren.Parent parent = PipelineChildren.parent(c, job.jobId());
            runtime.setTotal(job, PipelineStep.count(parent.params()));
            runtime.setStep(job, s.type());
            Optional<JsonObject> params = s.childParams(c, parent);
            if (params.isEmpty()) {
                events.log(job.jobId(), "INFO", s.type(), job.node(), s.skipReason());
                return SKIPPED;
            }
            long childId = ensureChild(c, job, parent, s, params.get());
            PipelineChildren.Child child = await(c, job.jobId(), childId);
            if (child == null) {
                events.log(job.jobId(), "WARN", s.type(), job.node(), "stopping: the " + s.type() + " job " + childId + " was asked to stop too");
                return "STOPPED";
            }
            if (!child.status().equals("completed")) {
                String why = "step " + s.type() + " (job " + childId + ") ended " + child.status()
                        + (child.error() == null ? "" : ": " + child.error());
                // the job's error says which step failed and why, not just "the batch execution failed"
                ctx.setExitStatus("FAILED: " + why);
                throw new IllegalStateException(why);
            }
            runtime.advance(c, job, "{\"step\":\"" + s.type() + "\",\"job\":" + childId + "}", 1);
            events.log(job.jobId(), "INFO", s.type(), job.node(), "step " + s.type() + " done (job " + childId + ")");
        }
        return "COMPLETED";
    }

    private long ensureChild(Connection c, JobRef job, PipelineChildren.Parent parent, PipelineStep s, JsonObject params) throws Exception {
        Optional<PipelineChildren.Child> existing = PipelineChildren.latest(c, parent.id(), s.type());
        if (existing.isPresent()) {
            PipelineChildren.Child child = existing.get();
            switch (child.status()) {
                case "completed" -> {
                    events.log(job.jobId(), "INFO", s.type(), job.node(), "keeping what job " + child.id() + " stored");
                    return child.id();
                }
                case "failed", "stopped" -> {
                    if (PipelineChildren.requeueForRestart(c, child.id())) {
                        events.log(child.id(), "INFO", null, job.node(), "restarted by pipeline job " + job.jobId());
                        events.log(job.jobId(), "INFO", s.type(), job.node(), "restarting job " + child.id() + " from its checkpoint");
                        events.wakeDispatchers();
                    }
                    return child.id();
                }
                case "queued", "running" -> {
                    events.log(job.jobId(), "INFO", s.type(), job.node(), "waiting for job " + child.id() + " (" + child.status() + ")");
                    return child.id();
                }
                default -> {
                    // canceled: a fresh child below
                }
            }
        }
        long id = PipelineChildren.submit(c, parent, s.type(), params);
        events.wakeDispatchers();
        events.log(job.jobId(), "INFO", s.type(), job.node(), "started " + s.type() + " job " + id);
        return id;
    }

    /** Waits for the child to end; null when this pipeline was stopped meanwhile (the child is told to stop too). */
    private PipelineChildren.Child await(Connection c, long jobId, long childId) throws Exception {
        long pause = 100;
        while (true) {
            if (stopping || runtime.stopRequested(jobId)) {
                PipelineChildren.stop(c, childId);
                return null;
            }
            PipelineChildren.Child child = PipelineChildren.get(c, childId);
            if (child.finished()) {
                return child;
            }
            Thread.sleep(pause);
            pause = Math.min(250, pause * 2); // a pipeline waits at most a quarter second more than its step
        }
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
