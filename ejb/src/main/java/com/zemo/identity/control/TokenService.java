package com.zemo.identity.control;

import com.zemo.identity.entity.ApiToken;
import com.zemo.identity.entity.User;
import com.zemo.platform.ZemoConfig;
import com.zemo.platform.ZemoException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Personal API tokens: created once in clear, stored as SHA-256, looked up through a short-lived cache. */
@Stateless
public class TokenService {
    public static final String PREFIX = "zemo_";
    static final int MAX_TOKENS_PER_USER = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Created(ApiToken token, String clearToken) {
    }

    /** A token with its owner's username, for the admin's list of everyone's tokens. */
    public record Owned(ApiToken token, String owner) {
    }

    @PersistenceContext(unitName = "zemo")
    EntityManager em;

    @EJB
    AuditService audit;

    @Inject
    TokenCache cache;

    @Inject
    ZemoConfig config;

    public Created create(Caller owner, String name, String ip) {
        long count = em.createNamedQuery(ApiToken.COUNT_BY_USER, Long.class).setParameter("userId", owner.userId()).getSingleResult();
        if (count >= MAX_TOKENS_PER_USER) {
            throw ZemoException.conflict("a user may hold at most " + MAX_TOKENS_PER_USER + " tokens; revoke some first");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String clear = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        ApiToken token = new ApiToken(owner.userId(), name, sha256(clear), clear.substring(0, 12), null);
        em.persist(token);
        em.flush();
        audit.record(owner.userId(), owner.username(), "token.created", "token:" + token.getId(), "name=" + token.getName(), ip);
        return new Created(token, clear);
    }

    public List<ApiToken> list(long userId) {
        return em.createNamedQuery(ApiToken.BY_USER, ApiToken.class).setParameter("userId", userId).getResultList();
    }

    /** Every user's tokens, newest first (admin). */
    public List<Owned> listAll(Caller admin, int offset, int limit) {
        requireAdmin(admin);
        List<Object[]> rows = em.createQuery("SELECT t, u.username FROM ApiToken t, User u WHERE u.id = t.userId ORDER BY t.id DESC", Object[].class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new Owned((ApiToken) r[0], (String) r[1])).toList();
    }

    public long countAll(Caller admin) {
        requireAdmin(admin);
        return em.createQuery("SELECT COUNT(t) FROM ApiToken t", Long.class).getSingleResult();
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ZemoException.forbidden("only admins see every user's tokens");
        }
    }

    public void revoke(Caller caller, long tokenId, String ip) {
        ApiToken t = em.find(ApiToken.class, tokenId);
        if (t == null || (!t.getUserId().equals(caller.userId()) && !caller.isAdmin())) {
            throw ZemoException.notFound("token " + tokenId);
        }
        t.revoke(OffsetDateTime.now());
        cache.evict(t.getTokenHash());
        audit.record(caller.userId(), caller.username(), "token.revoked", "token:" + tokenId, "owner=user:" + t.getUserId(), ip);
    }

    /** Revokes every token of a user (deactivation). */
    public void revokeAll(long userId) {
        OffsetDateTime now = OffsetDateTime.now();
        for (ApiToken t : list(userId)) {
            t.revoke(now);
            cache.evict(t.getTokenHash());
        }
    }

    /** @return the caller the token stands for, if the token is known, unrevoked, unexpired and its user active. */
    public Optional<Caller> authenticate(String clearToken) {
        if (clearToken == null || !clearToken.startsWith(PREFIX) || clearToken.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(clearToken);
        Optional<Caller> cached = cache.get(hash);
        if (cached != null) {
            return cached;
        }
        Optional<Caller> loaded = load(hash);
        cache.put(hash, loaded);
        return loaded;
    }

    private Optional<Caller> load(String hash) {
        List<ApiToken> found = em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class).setParameter("hash", hash).getResultList();
        OffsetDateTime now = OffsetDateTime.now();
        if (found.isEmpty() || !found.get(0).isUsable(now)) {
            return Optional.empty();
        }
        ApiToken t = found.get(0);
        User u = em.find(User.class, t.getUserId());
        if (u == null || !u.isActive()) {
            return Optional.empty();
        }
        t.markUsed(now); // at most once per cache period per node: cheap enough, precise enough
        return Optional.of(new Caller(u.getId(), u.getUsername(), u.getRoles(), t.getId()));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
