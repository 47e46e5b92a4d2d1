package com.zemo.prompts.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A prompt template. Every edit appends a {@link PromptVersion}; jobs keep the version they used. */
@Entity
@Table(name = "prompts")
@NamedQueries({
    @NamedQuery(name = Prompt.VISIBLE_TO, query = "SELECT p FROM Prompt p WHERE p.deletedAt IS NULL AND (p.ownerId = :userId OR p.shared = TRUE) ORDER BY p.id DESC")
})
public class Prompt {
    public static final String VISIBLE_TO = "Prompt.visibleTo";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(nullable = false, length = 300)
    private String title;

    private boolean shared;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "legacy_id")
    private Long legacyId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "prompt", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("version ASC")
    private List<PromptVersion> versions = new ArrayList<>();

    protected Prompt() {
    }

    public Prompt(Long ownerId, String title, String body, String model, BigDecimal temperature, Integer maxTokens) {
        this.ownerId = ownerId;
        retitle(title);
        this.createdAt = OffsetDateTime.now();
        this.updatedAt = createdAt;
        this.currentVersion = 0;
        edit(body, model, temperature, maxTokens, ownerId);
    }

    public final void retitle(String newTitle) {
        if (newTitle == null || newTitle.isBlank() || newTitle.length() > 300) {
            throw new IllegalArgumentException("title must be 1-300 characters");
        }
        this.title = newTitle.trim();
        this.updatedAt = OffsetDateTime.now();
    }

    /** Appends a new version and makes it current. */
    public final PromptVersion edit(String body, String model, BigDecimal temperature, Integer maxTokens, Long by) {
        if (deletedAt != null) {
            throw new IllegalStateException("a deleted prompt cannot be edited; restore it first");
        }
        PromptVersion v = new PromptVersion(this, currentVersion + 1, body, model, temperature, maxTokens, by);
        versions.add(v);
        currentVersion = v.getVersion();
        updatedAt = OffsetDateTime.now();
        return v;
    }

    public void share(boolean shared) {
        this.shared = shared;
        this.updatedAt = OffsetDateTime.now();
    }

    public void softDelete(OffsetDateTime now) {
        this.deletedAt = now;
    }

    public void restore() {
        this.deletedAt = null;
    }

    public PromptVersion current() {
        return versions.stream().filter(v -> v.getVersion() == currentVersion).findFirst()
                .orElseThrow(() -> new IllegalStateException("prompt " + id + " has no version " + currentVersion));
    }

    public boolean isDeleted() { return deletedAt != null; }
    public Long getId() { return id; }
    public Long getOwnerId() { return ownerId; }
    public String getTitle() { return title; }
    public boolean isShared() { return shared; }
    public int getCurrentVersion() { return currentVersion; }
    public Long getLegacyId() { return legacyId; }
    public void setLegacyId(Long legacyId) { this.legacyId = legacyId; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public OffsetDateTime getDeletedAt() { return deletedAt; }
    public List<PromptVersion> getVersions() { return Collections.unmodifiableList(versions); }
}
