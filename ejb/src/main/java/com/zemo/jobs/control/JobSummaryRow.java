package com.zemo.jobs.control;

import com.zemo.jobs.entity.Job;
import com.zemo.jobs.entity.JobStatus;

import java.time.OffsetDateTime;

/**
 * The columns a list of jobs shows, read as a projection: a page of the list needs neither the JSON columns
 * (parameters, result, checkpoint) nor managed entities (see {@link JobSummaryQuery}).
 */
public record JobSummaryRow(long id, String type, JobStatus status, Long ownerId, long progressDone, Long progressTotal,
                            String currentStep, String node, int attempts, OffsetDateTime createdAt, OffsetDateTime startedAt,
                            OffsetDateTime finishedAt, String error) {

    public int percent() {
        return Job.percent(status, progressDone, progressTotal);
    }
}
