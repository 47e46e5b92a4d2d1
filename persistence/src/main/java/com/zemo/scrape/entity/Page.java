package com.zemo.scrape.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A fetched page: what was extracted, and the raw HTML (gzip) to re-run analyses without fetching again. */
@Entity
@Table(name = "pages")
@NamedQuery(name = Page.OF_JOB, query = "SELECT p FROM Page p WHERE p.jobId = :jobId ORDER BY p.id")
public class Page {
    public static final String OF_JOB = "Page.ofJob";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id")
    private Long jobId;

    @Column(nullable = false)
    private String url;

    @Column(name = "final_url")
    private String finalUrl;

    @Column(name = "status_code")
    private Integer statusCode;

    private String charset;
    private String title;

    @Column(name = "meta_description")
    private String metaDescription;

    /** JSON (jsonb): the H1–H6 outline. */
    private String outline;

    @Column(name = "main_text")
    private String mainText;

    @Column(name = "word_count")
    private Integer wordCount;

    @Column(name = "char_count")
    private Integer charCount;

    @Column(name = "links_internal")
    private Integer linksInternal;

    @Column(name = "links_external")
    private Integer linksExternal;

    /** JSON (jsonb): images with alt. */
    private String images;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "html_gzip")
    private byte[] htmlGzip;

    private String error;

    @Column(name = "legacy_id")
    private Long legacyId;

    @Column(name = "fetched_at", nullable = false)
    private OffsetDateTime fetchedAt;

    /** 0-based place in the scrape job's URL list (null for imported legacy pages). */
    private Integer position;

    @Column(name = "used_javascript")
    private Boolean usedJavascript;

    @Column(name = "fetch_ms")
    private Integer fetchMs;

    /** Body bytes received. */
    private Integer bytes;

    /** Why the page failed ({@code com.zemo.scrape.fetch.FailureKind}, lower case), null if it did not. */
    @Column(name = "error_kind")
    private String errorKind;

    protected Page() {
    }

    public Page(Long jobId, String url) {
        this.jobId = jobId;
        this.url = url;
        this.fetchedAt = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public Long getJobId() { return jobId; }
    public String getUrl() { return url; }
    public String getFinalUrl() { return finalUrl; }
    public Integer getStatusCode() { return statusCode; }
    public String getCharset() { return charset; }
    public String getTitle() { return title; }
    public String getMetaDescription() { return metaDescription; }
    public String getOutline() { return outline; }
    public String getMainText() { return mainText; }
    public Integer getWordCount() { return wordCount; }
    public Integer getCharCount() { return charCount; }
    public Integer getLinksInternal() { return linksInternal; }
    public Integer getLinksExternal() { return linksExternal; }
    public String getImages() { return images; }
    public byte[] getHtmlGzip() { return htmlGzip; }
    public String getError() { return error; }
    public Long getLegacyId() { return legacyId; }
    public OffsetDateTime getFetchedAt() { return fetchedAt; }
    public Integer getPosition() { return position; }
    public Boolean getUsedJavascript() { return usedJavascript; }
    public Integer getFetchMs() { return fetchMs; }
    public Integer getBytes() { return bytes; }
    public String getErrorKind() { return errorKind; }
}
