package com.zemo.prompts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One immutable version of a prompt template. */
@Entity
@Table(name = "prompt_versions")
public class PromptVersion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "prompt_id")
    private Prompt prompt;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private String body;

    private String model;

    private BigDecimal temperature;

    @Column(name = "max_tokens")
    private Integer maxTokens;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by")
    private Long createdBy;

    protected PromptVersion() {
    }

    PromptVersion(Prompt prompt, int version, String body, String model, BigDecimal temperature, Integer maxTokens, Long by) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("prompt body must not be empty");
        }
        if (temperature != null && (temperature.signum() < 0 || temperature.compareTo(BigDecimal.valueOf(2)) > 0)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2");
        }
        if (maxTokens != null && (maxTokens < 1 || maxTokens > 200_000)) {
            throw new IllegalArgumentException("maxTokens must be between 1 and 200000");
        }
        this.prompt = prompt;
        this.version = version;
        this.body = body;
        this.model = model;
        this.temperature = temperature;
        this.maxTokens = maxTokens;
        this.createdBy = by;
        this.createdAt = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public Prompt getPrompt() { return prompt; }
    public int getVersion() { return version; }
    public String getBody() { return body; }
    public String getModel() { return model; }
    public BigDecimal getTemperature() { return temperature; }
    public Integer getMaxTokens() { return maxTokens; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public Long getCreatedBy() { return createdBy; }
}
