package com.zemo.analysis.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The analysis of a query's competitors and the brief made from it. */
@Entity
@Table(name = "analyses")
@NamedQuery(name = Analysis.OF_JOB, query = "SELECT a FROM Analysis a WHERE a.jobId = :jobId ORDER BY a.id DESC")
public class Analysis {
    public static final String OF_JOB = "Analysis.ofJob";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id")
    private Long jobId;

    private String keyword;

    /** JSON (jsonb). */
    private String data;

    @Column(name = "data_raw")
    private String dataRaw;

    /** JSON (jsonb). */
    private String brief;

    @Column(name = "legacy_id")
    private Long legacyId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Analysis() {
    }

    public Analysis(Long jobId, String keyword, String dataJson, String briefJson) {
        this.jobId = jobId;
        this.keyword = keyword;
        this.data = dataJson;
        this.brief = briefJson;
        this.createdAt = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public Long getJobId() { return jobId; }
    public String getKeyword() { return keyword; }
    public String getData() { return data; }
    public String getDataRaw() { return dataRaw; }
    public String getBrief() { return brief; }
    public Long getLegacyId() { return legacyId; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
