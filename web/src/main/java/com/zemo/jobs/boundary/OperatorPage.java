package com.zemo.jobs.boundary;

import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.jobs.control.ExecutionWatch;
import com.zemo.jobs.control.JobService;
import com.zemo.jobs.control.JobTypeControls;
import com.zemo.platform.boundary.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Operator console: job types with pause/resume, retry-failed with a dry-run count and a confirmation code, and the
 * running, failed and stopped jobs' executions with stop/restart/abandon per row.
 */
@Named
@ViewScoped
public class OperatorPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentCaller current;

    @EJB
    transient JobTypeControls controls;

    @EJB
    transient ExecutionWatch watch;

    @EJB
    transient JobService jobs;

    static final int EXECUTIONS = 30;
    /** Kept in the view: a row's button acts on the job shown in that row even if the list changed meanwhile. */
    private List<ExecutionWatch.Watched> executions;

    private String retryType;
    private String code;
    private transient JobTypeControls.RetryOutcome dryRun;

    public List<JobTypeControls.TypeState> getTypes() {
        return controls.list();
    }

    public void pause(String type) {
        set(type, true);
    }

    public void resume(String type) {
        set(type, false);
    }

    private void set(String type, boolean paused) {
        try {
            controls.setPaused(current.get(), type, paused, current.ip());
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    /** Running, failed and stopped jobs with their latest execution (read once per view; the actions and refresh reload it). */
    public List<ExecutionWatch.Watched> getExecutions() {
        if (executions == null) {
            try {
                executions = watch.recent(current.get(), EXECUTIONS);
            } catch (RuntimeException e) {
                executions = List.of();
                Messages.failure(e);
            }
        }
        return executions;
    }

    public void refresh() {
        executions = null;
    }

    public void stop(long jobId) {
        control(jobId, () -> jobs.stop(current.get(), jobId), "operator.stopped");
    }

    public void restart(long jobId) {
        control(jobId, () -> jobs.restart(current.get(), jobId), "operator.restarted");
    }

    public void abandon(long jobId) {
        control(jobId, () -> jobs.abandon(current.get(), jobId), "operator.abandoned");
    }

    private void control(long jobId, Runnable action, String done) {
        try {
            action.run();
            Messages.info(done, jobId);
        } catch (RuntimeException e) {
            Messages.error(null, "#" + jobId + ": " + Messages.describe(e));
        }
        executions = null;
    }

    public void countFailed() {
        try {
            dryRun = controls.retryFailed(current.get(), filter(), true, null, current.ip());
            Messages.info("operator.matching", dryRun.matching(), dryRun.confirmation());
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    public void retryFailed() {
        try {
            JobTypeControls.RetryOutcome done = controls.retryFailed(current.get(), filter(), false, code, current.ip());
            Messages.info("operator.requeued", done.requeued());
            dryRun = null;
            code = null;
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    private JobTypeControls.RetryFilter filter() {
        return new JobTypeControls.RetryFilter(retryType == null || retryType.isBlank() ? null : retryType, null, null, null, null);
    }

    public JobTypeControls.RetryOutcome getDryRun() {
        return dryRun;
    }

    public String getRetryType() { return retryType; }
    public void setRetryType(String retryType) { this.retryType = retryType; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
}
