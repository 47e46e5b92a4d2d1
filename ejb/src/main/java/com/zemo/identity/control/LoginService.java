package com.zemo.identity.control;

import com.zemo.identity.entity.PasswordHashing;
import com.zemo.identity.entity.User;
import com.zemo.platform.ZemoConfig;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.util.List;

/** Password logins (form and HTTP Basic): bcrypt, lockout after repeated failures, audit of every outcome. */
@Stateless
public class LoginService {

    public enum Outcome { OK, INVALID, LOCKED, INACTIVE }

    public record Result(Outcome outcome, Caller caller, OffsetDateTime lockedUntil) {
    }

    @PersistenceContext(unitName = "zemo")
    EntityManager em;

    @Inject
    ZemoConfig config;

    @EJB
    AuditService audit;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Result login(String username, String password, String channel, String ip) {
        if (username == null || password == null || !User.isValidUsername(username)) {
            PasswordHashing.verifyDummy(password);
            audit.record(null, safe(username), "login.failed", null, channel + ": unknown user", ip);
            return new Result(Outcome.INVALID, null, null);
        }
        List<User> found = em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", username)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty()) {
            PasswordHashing.verifyDummy(password);
            audit.record(null, safe(username), "login.failed", null, channel + ": unknown user", ip);
            return new Result(Outcome.INVALID, null, null);
        }
        User u = found.get(0);
        OffsetDateTime now = OffsetDateTime.now();
        if (u.isLocked(now)) {
            audit.record(u.getId(), u.getUsername(), "login.locked", "user:" + u.getId(), channel + ": account locked", ip);
            return new Result(Outcome.LOCKED, null, u.getLockedUntil());
        }
        if (!PasswordHashing.verify(password, u.getPasswordHash())) {
            boolean lockedNow = u.recordFailedLogin(config.lockoutMaxFailures(), config.lockoutDuration(), now);
            audit.record(u.getId(), u.getUsername(), lockedNow ? "login.locked" : "login.failed", "user:" + u.getId(),
                    channel + (lockedNow ? ": too many failures, locked until " + u.getLockedUntil() : ": wrong password"), ip);
            return lockedNow ? new Result(Outcome.LOCKED, null, u.getLockedUntil()) : new Result(Outcome.INVALID, null, null);
        }
        if (!u.isActive()) {
            audit.record(u.getId(), u.getUsername(), "login.failed", "user:" + u.getId(), channel + ": account inactive", ip);
            return new Result(Outcome.INACTIVE, null, null);
        }
        u.recordSuccessfulLogin(now);
        audit.record(u.getId(), u.getUsername(), "login", "user:" + u.getId(), channel, ip);
        return new Result(Outcome.OK, new Caller(u.getId(), u.getUsername(), u.getRoles(), null), null);
    }

    private static String safe(String s) {
        if (s == null) {
            return null;
        }
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
