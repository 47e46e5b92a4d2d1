package com.zemo.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A global ({@code userId == null}) or personal setting. Secret values are never mapped here: they are
 * written and read only through pgcrypto in SQL (see SettingsService), so a clear secret never sits in
 * an entity, a cache or a log line. What the entity shows of a secret is its masked hint.
 */
@Entity
@Table(name = "settings")
@NamedQueries({
    @NamedQuery(name = Setting.GLOBAL, query = "SELECT s FROM Setting s WHERE s.userId IS NULL ORDER BY s.key"),
    @NamedQuery(name = Setting.OF_USER, query = "SELECT s FROM Setting s WHERE s.userId = :userId ORDER BY s.key"),
    @NamedQuery(name = Setting.GLOBAL_KEY, query = "SELECT s FROM Setting s WHERE s.userId IS NULL AND s.key = :key"),
    @NamedQuery(name = Setting.USER_KEY, query = "SELECT s FROM Setting s WHERE s.userId = :userId AND s.key = :key")
})
public class Setting {
    public static final String GLOBAL = "Setting.global";
    public static final String OF_USER = "Setting.ofUser";
    public static final String GLOBAL_KEY = "Setting.globalKey";
    public static final String USER_KEY = "Setting.userKey";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false, length = 100)
    private String key;

    private boolean secret;

    @Column(name = "value_text")
    private String valueText;

    @Column(name = "value_hint")
    private String valueHint;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    private Long updatedBy;

    protected Setting() {
    }

    public Long getId() { return id; }
    public Long getUserId() { return userId; }
    public String getKey() { return key; }
    public boolean isSecret() { return secret; }
    /** The clear value of a non-secret setting; always null for a secret. */
    public String getValueText() { return valueText; }
    public String getValueHint() { return valueHint; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public Long getUpdatedBy() { return updatedBy; }

    /** What may be shown to anyone allowed to see the setting. */
    public String displayValue() {
        return secret ? valueHint : valueText;
    }
}
