package com.zemo.settings.control;

import com.zemo.identity.control.AuditService;
import com.zemo.identity.control.Caller;
import com.zemo.platform.ZemoConfig;
import com.zemo.platform.ZemoException;
import com.zemo.settings.entity.Setting;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/**
 * Global and personal settings. Secret values are encrypted by PostgreSQL (pgcrypto pgp_sym_encrypt) with a key
 * from configuration that the database never stores; they are decrypted only where a provider call needs them.
 */
@Stateless
public class SettingsService {

    @PersistenceContext(unitName = "zemo")
    EntityManager em;

    @Inject
    ZemoConfig config;

    @EJB
    AuditService audit;

    public List<Setting> mine(long userId) {
        return em.createNamedQuery(Setting.OF_USER, Setting.class).setParameter("userId", userId).getResultList();
    }

    public List<Setting> global() {
        return em.createNamedQuery(Setting.GLOBAL, Setting.class).getResultList();
    }

    public Setting getGlobal(String key) {
        return em.createNamedQuery(Setting.GLOBAL_KEY, Setting.class).setParameter("key", key).getResultStream()
                .findFirst().orElseThrow(() -> ZemoException.notFound("setting '" + key + "'"));
    }

    public Setting putMine(Caller caller, String key, String value, String ip) {
        return put(caller, caller.userId(), key, value, ip);
    }

    public Setting putGlobal(Caller admin, String key, String value, String ip) {
        if (!admin.isAdmin()) {
            throw ZemoException.forbidden("only admins change global settings");
        }
        return put(admin, null, key, value, ip);
    }

    public void deleteMine(Caller caller, String key, String ip) {
        int n = em.createNativeQuery("DELETE FROM settings WHERE user_id = ?1 AND key = ?2")
                .setParameter(1, caller.userId()).setParameter(2, key).executeUpdate();
        if (n == 0) {
            throw ZemoException.notFound("setting '" + key + "'");
        }
        audit.record(caller.userId(), caller.username(), "setting.deleted", "user:" + caller.userId() + "/" + key, null, ip);
    }

    public void deleteGlobal(Caller admin, String key, String ip) {
        if (!admin.isAdmin()) {
            throw ZemoException.forbidden("only admins change global settings");
        }
        int n = em.createNativeQuery("DELETE FROM settings WHERE user_id IS NULL AND key = ?1").setParameter(1, key).executeUpdate();
        if (n == 0) {
            throw ZemoException.notFound("setting '" + key + "'");
        }
        audit.record(admin.userId(), admin.username(), "setting.deleted", "global/" + key, null, ip);
    }

    /** The caller's non-secret settings as a map (preferences: ui.language, serp.engine, serp.region). */
    public java.util.Map<String, String> preferences(long userId) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (Setting s : mine(userId)) {
            if (!s.isSecret() && s.getValueText() != null) {
                m.put(s.getKey(), s.getValueText());
            }
        }
        return m;
    }

    private Setting put(Caller caller, Long userId, String key, String value, String ip) {
        try {
            SettingRules.validKey(key);
            SettingRules.validValue(value);
        } catch (IllegalArgumentException e) {
            throw ZemoException.invalid(e.getMessage());
        }
        boolean secret = SettingRules.isSecret(key);
        String scope = userId == null ? "(user_id IS NULL AND key = ?2)" : "(user_id = ?1 AND key = ?2)";
        em.createNativeQuery("DELETE FROM settings WHERE " + scope)
                .setParameter(1, userId == null ? -1L : userId).setParameter(2, key).executeUpdate();
        if (secret) {
            em.createNativeQuery("INSERT INTO settings (user_id, key, secret, value_enc, value_hint, updated_by) "
                            + "VALUES (CAST(?1 AS BIGINT), ?2, TRUE, pgp_sym_encrypt(CAST(?3 AS TEXT), CAST(?4 AS TEXT), 'cipher-algo=aes256'), ?5, ?6)")
                    .setParameter(1, userId == null ? null : userId.toString())
                    .setParameter(2, key)
                    .setParameter(3, value)
                    .setParameter(4, config.secretsKey())
                    .setParameter(5, SettingRules.mask(value))
                    .setParameter(6, caller.userId())
                    .executeUpdate();
        } else {
            em.createNativeQuery("INSERT INTO settings (user_id, key, secret, value_text, updated_by) VALUES (CAST(?1 AS BIGINT), ?2, FALSE, ?3, ?4)")
                    .setParameter(1, userId == null ? null : userId.toString())
                    .setParameter(2, key)
                    .setParameter(3, value)
                    .setParameter(4, caller.userId())
                    .executeUpdate();
        }
        audit.record(caller.userId(), caller.username(), "setting.changed",
                (userId == null ? "global/" : "user:" + userId + "/") + key, secret ? "secret value replaced" : null, ip);
        var q = userId == null
                ? em.createNamedQuery(Setting.GLOBAL_KEY, Setting.class)
                : em.createNamedQuery(Setting.USER_KEY, Setting.class).setParameter("userId", userId);
        return q.setParameter("key", key).getSingleResult();
    }

    /**
     * The clear value a provider call should use: the user's own, else the global one. Only for adapters;
     * never returned by any API.
     */
    public Optional<String> effectiveSecret(Long userId, String key) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery(
                        "SELECT CASE WHEN secret THEN pgp_sym_decrypt(value_enc, CAST(?2 AS TEXT)) ELSE value_text END FROM settings "
                                + "WHERE key = ?1 AND (user_id = CAST(?3 AS BIGINT) OR user_id IS NULL) ORDER BY user_id NULLS LAST LIMIT 1")
                .setParameter(1, key)
                .setParameter(2, config.secretsKey())
                .setParameter(3, userId == null ? null : userId.toString())
                .getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of(rows.get(0).toString());
    }
}
