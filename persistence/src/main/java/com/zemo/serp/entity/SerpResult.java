package com.zemo.serp.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One organic result of a SERP job. */
@Entity
@Table(name = "serp_results")
@NamedQuery(name = SerpResult.OF_JOB, query = "SELECT r FROM SerpResult r WHERE r.jobId = :jobId ORDER BY r.position")
public class SerpResult {
    public static final String OF_JOB = "SerpResult.ofJob";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id")
    private Long jobId;

    private String engine;
    private String query;
    private String region;
    private String language;
    private Integer position;
    private String url;
    private String title;
    private String snippet;

    @Column(name = "legacy_id")
    private Long legacyId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected SerpResult() {
    }

    public SerpResult(Long jobId, String engine, String query, String region, String language, Integer position,
                      String url, String title, String snippet) {
        this.jobId = jobId;
        this.engine = engine;
        this.query = query;
        this.region = region;
        this.language = language;
        this.position = position;
        this.url = url;
        this.title = title;
        this.snippet = snippet;
        this.createdAt = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public Long getJobId() { return jobId; }
    public String getEngine() { return engine; }
    public String getQuery() { return query; }
    public String getRegion() { return region; }
    public String getLanguage() { return language; }
    public Integer getPosition() { return position; }
    public String getUrl() { return url; }
    public String getTitle() { return title; }
    public String getSnippet() { return snippet; }
    public Long getLegacyId() { return legacyId; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
