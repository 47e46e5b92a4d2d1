package com.zemo.generation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One LLM generation with its token usage, cost and score against the brief. */
@Entity
@Table(name = "generations")
@NamedQuery(name = Generation.OF_JOB, query = "SELECT g FROM Generation g WHERE g.jobId = :jobId ORDER BY g.id")
public class Generation {
    public static final String OF_JOB = "Generation.ofJob";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id")
    private Long jobId;

    @Column(name = "prompt_id")
    private Long promptId;

    @Column(name = "prompt_version_id")
    private Long promptVersionId;

    private String model;

    @Column(name = "input_tokens")
    private Integer inputTokens;

    @Column(name = "output_tokens")
    private Integer outputTokens;

    @Column(name = "cost_usd")
    private BigDecimal costUsd;

    private String content;

    private BigDecimal score;

    @Column(name = "legacy_id")
    private Long legacyId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "duration_ms")
    private Long durationMs;

    /** 1 = the draft, 2 = the revision round (V7). */
    @Column(name = "round", insertable = false, updatable = false)
    private Integer round;

    /** The row the job's result points at. */
    @Column(name = "is_final", insertable = false, updatable = false)
    private Boolean finalRound;

    /** JSON (jsonb): the score's gaps that became the revision's instructions. */
    @Column(name = "gaps", insertable = false, updatable = false)
    private String gaps;

    /** "primary" or "fallback": which configured provider answered. */
    @Column(name = "provider", insertable = false, updatable = false)
    private String provider;

    protected Generation() {
    }

    public Generation(Long jobId, Long promptId, Long promptVersionId, String model, Integer inputTokens,
                      Integer outputTokens, BigDecimal costUsd, String content, BigDecimal score) {
        this.jobId = jobId;
        this.promptId = promptId;
        this.promptVersionId = promptVersionId;
        this.model = model;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.costUsd = costUsd;
        this.content = content;
        this.score = score;
        this.createdAt = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public Long getJobId() { return jobId; }
    public Long getPromptId() { return promptId; }
    public Long getPromptVersionId() { return promptVersionId; }
    public String getModel() { return model; }
    public Integer getInputTokens() { return inputTokens; }
    public Integer getOutputTokens() { return outputTokens; }
    public BigDecimal getCostUsd() { return costUsd; }
    public String getContent() { return content; }
    public BigDecimal getScore() { return score; }
    public Long getLegacyId() { return legacyId; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public Long getDurationMs() { return durationMs; }
    public int getRound() { return round == null ? 1 : round; }
    public boolean isFinalRound() { return finalRound == null || finalRound; }
    public String getGaps() { return gaps; }
    public String getProvider() { return provider; }
}
