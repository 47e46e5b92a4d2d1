package com.zemo.ops.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A cluster-wide switch (read-only mode, traffic routing, experiments), stored as a small string value. */
@Entity
@Table(name = "feature_flags")
@NamedQuery(name = FeatureFlag.ALL, query = "SELECT f FROM FeatureFlag f ORDER BY f.key")
public class FeatureFlag {
    public static final String ALL = "FeatureFlag.all";

    @Id
    @Column(length = 100)
    private String key;

    @Column(nullable = false, length = 200)
    private String value;

    private String description;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    protected FeatureFlag() {
    }

    public FeatureFlag(String key, String value, String description, String updatedBy) {
        this.key = key;
        this.description = description;
        change(value, updatedBy);
    }

    public void change(String newValue, String by) {
        if (newValue == null || newValue.length() > 200) {
            throw new IllegalArgumentException("flag value must be 0-200 characters");
        }
        this.value = newValue;
        this.updatedBy = by;
        this.updatedAt = OffsetDateTime.now();
    }

    public void describe(String newDescription) {
        this.description = newDescription;
    }

    public boolean isOn() {
        return "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value);
    }

    public String getKey() { return key; }
    public String getValue() { return value; }
    public String getDescription() { return description; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
}
