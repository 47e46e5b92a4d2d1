package com.zemo.jobs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** A unit of long work that users see: a row backed by a Jakarta Batch execution. */
@Entity
@Table(name = "jobs")
@NamedQueries({
    @NamedQuery(name = Job.CHILDREN, query = "SELECT j FROM Job j WHERE j.parentId = :parentId ORDER BY j.id")
})
public class Job {
    public static final String CHILDREN = "Job.children";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String type;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(name = "parent_id")
    private Long parentId;

    @Convert(converter = JobStatusConverter.class)
    @Column(nullable = false)
    private JobStatus status;

    /** JSON text (column type jsonb). */
    private String params;

    @Column(name = "params_raw")
    private String paramsRaw;

    private String result;

    private String error;

    @Column(name = "progress_done")
    private long progressDone;

    @Column(name = "progress_total")
    private Long progressTotal;

    @Column(name = "current_step")
    private String currentStep;

    private String node;

    private int attempts;

    @Column(name = "batch_execution_id")
    private Long batchExecutionId;

    @Column(name = "request_id")
    private String requestId;

    @Column(name = "legacy_id")
    private Long legacyId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "heartbeat_at")
    private OffsetDateTime heartbeatAt;

    @Column(name = "queued_at")
    private OffsetDateTime queuedAt;

    /** JSON (jsonb): the application checkpoint, written in the same transaction as the items it covers. */
    private String checkpoint;

    @Column(name = "stop_requested")
    private boolean stopRequested;

    @Column(name = "resume_mode")
    private String resumeMode;

    private int takeovers;

    @Version
    private long version;

    protected Job() {
    }

    public Job(String type, Long ownerId, Long parentId, String paramsJson, String requestId) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("job type is required");
        }
        this.type = type;
        this.ownerId = ownerId;
        this.parentId = parentId;
        this.params = paramsJson;
        this.requestId = requestId;
        this.status = JobStatus.QUEUED;
        this.createdAt = OffsetDateTime.now();
        this.queuedAt = createdAt;
    }

    public int percent() {
        return percent(status, progressDone, progressTotal);
    }

    /** Percent done: from the item counts when the total is known, else 100 once completed and 0 before. */
    public static int percent(JobStatus status, long done, Long total) {
        if (total == null || total <= 0) {
            return status == JobStatus.COMPLETED ? 100 : 0;
        }
        return (int) Math.min(100, done * 100 / total);
    }

    public Long getId() { return id; }
    public String getType() { return type; }
    public Long getOwnerId() { return ownerId; }
    public Long getParentId() { return parentId; }
    public JobStatus getStatus() { return status; }
    public String getParams() { return params; }
    public String getParamsRaw() { return paramsRaw; }
    public String getResult() { return result; }
    public String getError() { return error; }
    public long getProgressDone() { return progressDone; }
    public Long getProgressTotal() { return progressTotal; }
    public String getCurrentStep() { return currentStep; }
    public String getNode() { return node; }
    public int getAttempts() { return attempts; }
    public Long getBatchExecutionId() { return batchExecutionId; }
    public String getRequestId() { return requestId; }
    public Long getLegacyId() { return legacyId; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getStartedAt() { return startedAt; }
    public OffsetDateTime getFinishedAt() { return finishedAt; }
    public OffsetDateTime getHeartbeatAt() { return heartbeatAt; }
    public OffsetDateTime getQueuedAt() { return queuedAt; }
    public String getCheckpoint() { return checkpoint; }
    public boolean isStopRequested() { return stopRequested; }
    public String getResumeMode() { return resumeMode; }
    public int getTakeovers() { return takeovers; }
}
