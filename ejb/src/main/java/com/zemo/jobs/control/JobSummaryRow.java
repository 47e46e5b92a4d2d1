package com.zemo.jobs.control;

import com.zemo.jobs.entity.Job;
import com.zemo.jobs.entity.JobStatus;

import java.time.OffsetDateTime;

/**
 * The columns a list of jobs shows, read as a projection: a page of the list needs neither the JSON columns
 * (parameters, result, checkpoint) nor managed entities (see {@link JobService#summaries}).
 */
public record JobSummaryRow(long id, String type, JobStatus status, Long ownerId, long progressDone, Long progressTotal,
                            String currentStep, String node, int attempts, OffsetDateTime createdAt, OffsetDateTime startedAt,
                            OffsetDateTime finishedAt, String error) {

    /** The columns, in the order of the record's components. */
    static final String SELECT = "SELECT j.id, j.type, j.status, j.ownerId, j.progressDone, j.progressTotal, j.currentStep, j.node, "
            + "j.attempts, j.createdAt, j.startedAt, j.finishedAt, j.error FROM Job j";

    static JobSummaryRow of(Object[] r) {
        return new JobSummaryRow(((Number) r[0]).longValue(), (String) r[1], (JobStatus) r[2], (Long) r[3], ((Number) r[4]).longValue(),
                (Long) r[5], (String) r[6], (String) r[7], ((Number) r[8]).intValue(), (OffsetDateTime) r[9], (OffsetDateTime) r[10],
                (OffsetDateTime) r[11], (String) r[12]);
    }

    public int percent() {
        return Job.percent(status, progressDone, progressTotal);
    }
}
