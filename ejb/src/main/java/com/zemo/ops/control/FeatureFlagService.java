package com.zemo.ops.control;

import com.zemo.identity.control.AuditService;
import com.zemo.identity.control.Caller;
import com.zemo.ops.entity.FeatureFlag;
import com.zemo.platform.ZemoException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.function.Supplier;

/**
 * Feature flags (admin): list, create, set and toggle, each change audited. The {@code read-only} flag goes
 * through {@link ReadOnlyMode}, which tells every node at once; other flags are read by their owners from the table.
 */
@Stateless
public class FeatureFlagService {

    @PersistenceContext(unitName = "zemo")
    EntityManager em;

    @EJB
    AuditService audit;

    @Inject
    ReadOnlyMode readOnly;

    public List<FeatureFlag> list(Caller caller) {
        requireAdmin(caller);
        return em.createNamedQuery(FeatureFlag.ALL, FeatureFlag.class).getResultList();
    }

    public FeatureFlag get(Caller caller, String key) {
        requireAdmin(caller);
        FeatureFlag f = em.find(FeatureFlag.class, key);
        if (f == null) {
            throw ZemoException.notFound("feature flag '" + key + "'");
        }
        return f;
    }

    public FeatureFlag create(Caller admin, String key, String value, String description, String ip) {
        requireAdmin(admin);
        String k = checked(() -> FlagRules.validKey(key));
        String v = checked(() -> FlagRules.validValue(value));
        String d = checked(() -> FlagRules.validDescription(description));
        if (em.find(FeatureFlag.class, k) != null) {
            throw ZemoException.conflict("feature flag '" + k + "' exists; change its value instead");
        }
        FeatureFlag f = new FeatureFlag(k, v, d, admin.username());
        em.persist(f);
        audit.record(admin.userId(), admin.username(), "flag.created", "flag:" + k, "value=" + v, ip);
        return f;
    }

    /** Sets an existing flag's value (and its description, if given). */
    public FeatureFlag set(Caller admin, String key, String value, String description, String ip) {
        FeatureFlag f = get(admin, key);
        String v = checked(() -> FlagRules.validValue(value));
        String d = description == null ? null : checked(() -> FlagRules.validDescription(description));
        String before = f.getValue();
        if (ReadOnlyMode.FLAG.equals(key)) {
            if (!FlagRules.isSwitch(v)) {
                throw ZemoException.invalid("read-only is true or false");
            }
            // its own connection and a broadcast: every node switches at once
            readOnly.set(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on"), admin.username());
            em.refresh(f);
        } else {
            f.change(v, admin.username());
        }
        if (d != null) {
            f.describe(d);
        }
        audit.record(admin.userId(), admin.username(), "flag.changed", "flag:" + key, before + " -> " + v, ip);
        return f;
    }

    /** Flips an on/off flag. */
    public FeatureFlag toggle(Caller admin, String key, String ip) {
        FeatureFlag f = get(admin, key);
        String next = checked(() -> FlagRules.flipped(f.getValue()));
        return set(admin, key, next, null, ip);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ZemoException.forbidden("feature flags are for admins");
        }
    }

    private static <T> T checked(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (IllegalArgumentException e) {
            throw ZemoException.invalid(e.getMessage());
        }
    }
}
