package com.zemo.jobs.boundary;

import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.jobs.control.JobTypeControls;
import com.zemo.platform.boundary.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Operator console: job types with pause/resume, and retry-failed with a dry-run count and a confirmation code. */
@Named
@ViewScoped
public class OperatorPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentCaller current;

    @EJB
    transient JobTypeControls controls;

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
