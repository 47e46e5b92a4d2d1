package com.zemo.legacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One import (full or delta) or export run of the legacy SQLite database. */
@Entity
@Table(name = "legacy_import_runs")
public class LegacyImportRun {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id")
    private Long jobId;

    @Column(name = "source_path", nullable = false)
    private String sourcePath;

    @Column(nullable = false)
    private String mode;

    @Column(name = "dry_run")
    private boolean dryRun;

    @Column(nullable = false)
    private String status;

    /** JSON (jsonb): the reconciliation report. */
    private String report;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    protected LegacyImportRun() {
    }

    public LegacyImportRun(Long jobId, String sourcePath, String mode, boolean dryRun) {
        this.jobId = jobId;
        this.sourcePath = sourcePath;
        this.mode = mode;
        this.dryRun = dryRun;
        this.status = "running";
        this.startedAt = OffsetDateTime.now();
    }

    public void finish(String status, String reportJson) {
        this.status = status;
        this.report = reportJson;
        this.finishedAt = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public Long getJobId() { return jobId; }
    public String getSourcePath() { return sourcePath; }
    public String getMode() { return mode; }
    public boolean isDryRun() { return dryRun; }
    public String getStatus() { return status; }
    public String getReport() { return report; }
    public OffsetDateTime getStartedAt() { return startedAt; }
    public OffsetDateTime getFinishedAt() { return finishedAt; }
}
