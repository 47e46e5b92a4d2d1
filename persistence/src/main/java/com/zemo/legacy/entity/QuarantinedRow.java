package com.zemo.legacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A legacy row (or value) that could not be converted, kept with the reason and the raw value. */
@Entity
@Table(name = "legacy_quarantine")
@NamedQuery(name = QuarantinedRow.OF_RUN, query = "SELECT q FROM QuarantinedRow q WHERE q.runId = :runId ORDER BY q.id")
public class QuarantinedRow {
    public static final String OF_RUN = "QuarantinedRow.ofRun";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "run_id")
    private Long runId;

    @Column(name = "table_name", nullable = false)
    private String tableName;

    @Column(name = "source_id")
    private Long sourceId;

    @Column(name = "column_name")
    private String columnName;

    @Column(nullable = false)
    private String reason;

    @Column(name = "raw_value")
    private String rawValue;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected QuarantinedRow() {
    }

    public QuarantinedRow(Long runId, String tableName, Long sourceId, String columnName, String reason, String rawValue) {
        this.runId = runId;
        this.tableName = tableName;
        this.sourceId = sourceId;
        this.columnName = columnName;
        this.reason = reason;
        this.rawValue = rawValue;
        this.createdAt = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public Long getRunId() { return runId; }
    public String getTableName() { return tableName; }
    public Long getSourceId() { return sourceId; }
    public String getColumnName() { return columnName; }
    public String getReason() { return reason; }
    public String getRawValue() { return rawValue; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
