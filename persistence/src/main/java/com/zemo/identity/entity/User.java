package com.zemo.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** A person (or system) that logs in. Guards its own rules: username shape, roles, lockout. */
@Entity
@Table(name = "users")
@NamedQueries({
    @NamedQuery(name = User.BY_USERNAME, query = "SELECT u FROM User u WHERE LOWER(u.username) = LOWER(:username)"),
    @NamedQuery(name = User.ALL, query = "SELECT u FROM User u ORDER BY u.id"),
    @NamedQuery(name = User.COUNT, query = "SELECT COUNT(u) FROM User u"),
    @NamedQuery(name = User.SEARCH, query = "SELECT u FROM User u WHERE LOWER(u.username) LIKE :pattern ESCAPE '!' ORDER BY u.id"),
    @NamedQuery(name = User.COUNT_SEARCH, query = "SELECT COUNT(u) FROM User u WHERE LOWER(u.username) LIKE :pattern ESCAPE '!'")
})
public class User {
    public static final String BY_USERNAME = "User.byUsername";
    public static final String ALL = "User.all";
    public static final String COUNT = "User.count";
    public static final String SEARCH = "User.search";
    public static final String COUNT_SEARCH = "User.countSearch";

    /** A LIKE pattern for usernames containing {@code text} (case-insensitive; '!' escapes the wildcards). */
    public static String containing(String text) {
        return "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{1,99}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String username;

    private String email;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean active = true;

    @Column(name = "failed_logins")
    private int failedLogins;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    private String language;

    @Column(name = "legacy_id")
    private Long legacyId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "last_login_at")
    private OffsetDateTime lastLoginAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Convert(converter = RoleConverter.class)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected User() {
    }

    public User(String username, String passwordHash, Set<Role> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 2-100 characters: letters, digits and . _ @ + -");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        setRoles(roles);
        this.createdAt = OffsetDateTime.now();
        this.updatedAt = createdAt;
    }

    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    public boolean isLocked(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Records a failed login; after {@code maxFailures} in a row the account locks for {@code lockFor}. */
    public boolean recordFailedLogin(int maxFailures, Duration lockFor, OffsetDateTime now) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = now.plus(lockFor);
            failedLogins = 0;
            return true;
        }
        return false;
    }

    public void recordSuccessfulLogin(OffsetDateTime now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    public void changePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
        this.failedLogins = 0;
        this.lockedUntil = null;
        touch();
    }

    public void setRoles(Set<Role> newRoles) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        this.roles = EnumSet.copyOf(newRoles);
        touch();
    }

    public void deactivate() {
        this.active = false;
        touch();
    }

    public void activate() {
        this.active = true;
        touch();
    }

    public void rename(String displayName, String email) {
        this.displayName = displayName;
        this.email = email;
        touch();
    }

    private void touch() {
        this.updatedAt = OffsetDateTime.now();
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getEmail() { return email; }
    public String getDisplayName() { return displayName; }
    public String getPasswordHash() { return passwordHash; }
    public boolean isActive() { return active; }
    public int getFailedLogins() { return failedLogins; }
    public OffsetDateTime getLockedUntil() { return lockedUntil; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; touch(); }
    public Long getLegacyId() { return legacyId; }
    public void setLegacyId(Long legacyId) { this.legacyId = legacyId; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public OffsetDateTime getLastLoginAt() { return lastLoginAt; }
    public Set<Role> getRoles() { return Collections.unmodifiableSet(roles); }
}
