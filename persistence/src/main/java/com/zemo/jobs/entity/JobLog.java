package com.zemo.jobs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One line of a job's log. */
@Entity
@Table(name = "job_logs")
@NamedQuery(name = JobLog.OF_JOB_AFTER, query = "SELECT l FROM JobLog l WHERE l.jobId = :jobId AND l.id > :afterId ORDER BY l.id")
public class JobLog {
    public static final String OF_JOB_AFTER = "JobLog.ofJobAfter";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id")
    private Long jobId;

    @Column(nullable = false)
    private OffsetDateTime at;

    @Column(nullable = false, length = 10)
    private String level;

    private String step;

    private String node;

    @Column(nullable = false)
    private String message;

    protected JobLog() {
    }

    public JobLog(Long jobId, String level, String step, String node, String message) {
        this.jobId = jobId;
        this.level = level;
        this.step = step;
        this.node = node;
        this.message = message;
        this.at = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public Long getJobId() { return jobId; }
    public OffsetDateTime getAt() { return at; }
    public String getLevel() { return level; }
    public String getStep() { return step; }
    public String getNode() { return node; }
    public String getMessage() { return message; }
}
