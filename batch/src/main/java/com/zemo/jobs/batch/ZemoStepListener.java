package com.zemo.jobs.batch;

import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Keeps the job's current step and writes a line when a step starts and ends, with its counts. */
@jakarta.enterprise.context.Dependent
@Named("zemoStepListener")
public class ZemoStepListener implements StepListener {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    JobRuntime runtime;

    @Inject
    JobEvents events;

    @Override
    public void beforeStep() {
        JobRef ref = JobRef.of(job, BatchRuntime.getJobOperator());
        runtime.setStep(ref, step.getStepName());
        events.log(ref.jobId(), "INFO", step.getStepName(), ref.node(), "step " + step.getStepName() + " started");
    }

    @Override
    public void afterStep() {
        JobRef ref = JobRef.of(job, BatchRuntime.getJobOperator());
        Exception e = step.getException();
        // the step's batch status is still STARTED while its listeners run: say what is known, the exit status
        String exit = step.getExitStatus();
        String outcome = e != null ? "failed — " + e.getClass().getSimpleName() + ": " + e.getMessage()
                : exit == null || exit.isBlank() ? "done" : exit.toLowerCase(java.util.Locale.ROOT);
        events.log(ref.jobId(), e == null ? "INFO" : "ERROR", step.getStepName(), ref.node(),
                "step " + step.getStepName() + " ended: " + outcome);
    }
}
