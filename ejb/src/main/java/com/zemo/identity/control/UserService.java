package com.zemo.identity.control;

import com.zemo.identity.entity.PasswordHashing;
import com.zemo.identity.entity.Role;
import com.zemo.identity.entity.User;
import com.zemo.platform.ZemoException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Set;

/** Administration of users: create, change roles, passwords and state, deactivate. */
@Stateless
public class UserService {

    public record Changes(Set<Role> roles, Boolean active, String password, String displayName, String email) {
    }

    @PersistenceContext(unitName = "zemo")
    EntityManager em;

    @EJB
    AuditService audit;

    @EJB
    TokenService tokens;

    @Inject
    TokenCache tokenCache;

    public List<User> list(int offset, int limit) {
        return em.createNamedQuery(User.ALL, User.class).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count() {
        return em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
    }

    /** Users whose name contains {@code text}, oldest first (the admin page's search). */
    public List<User> search(String text, int offset, int limit) {
        return em.createNamedQuery(User.SEARCH, User.class).setParameter("pattern", User.containing(text))
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countSearch(String text) {
        return em.createNamedQuery(User.COUNT_SEARCH, Long.class).setParameter("pattern", User.containing(text)).getSingleResult();
    }

    public User get(long id) {
        User u = em.find(User.class, id);
        if (u == null) {
            throw ZemoException.notFound("user " + id);
        }
        return u;
    }

    public User create(Caller admin, String username, String password, Set<Role> roles, String displayName, String email, String ip) {
        requireAdmin(admin);
        checkPassword(password);
        if (roles == null || roles.isEmpty()) {
            throw ZemoException.invalid("a user needs at least one role");
        }
        if (!User.isValidUsername(username)) {
            throw ZemoException.invalid("username must be 2-100 characters: letters, digits and . _ @ + -");
        }
        if (!em.createNamedQuery(User.BY_USERNAME, User.class).setParameter("username", username).getResultList().isEmpty()) {
            throw ZemoException.conflict("username '" + username + "' is taken");
        }
        User u = new User(username, PasswordHashing.hash(password), roles);
        u.rename(displayName, email);
        em.persist(u);
        em.flush();
        audit.record(admin.userId(), admin.username(), "user.created", "user:" + u.getId(), "roles=" + roleNames(roles), ip);
        return u;
    }

    public User update(Caller admin, long id, Changes changes, String ip) {
        requireAdmin(admin);
        if (changes.password() != null) {
            checkPassword(changes.password());
        }
        User u = get(id);
        boolean self = admin.userId() == id;
        if (changes.roles() != null) {
            if (changes.roles().isEmpty()) {
                throw ZemoException.invalid("roles must not be empty");
            }
            // an admin who drops their own admin role would lock themselves out of this very page
            if (self && u.hasRole(Role.ADMIN) && !changes.roles().contains(Role.ADMIN)) {
                throw ZemoException.conflict("you cannot remove your own admin role; ask another admin");
            }
            if (u.hasRole(Role.ADMIN) && !changes.roles().contains(Role.ADMIN)) {
                requireAnotherActiveAdmin(u);
            }
            Set<Role> before = Set.copyOf(u.getRoles());
            u.setRoles(changes.roles());
            audit.record(admin.userId(), admin.username(), "user.roles-changed", "user:" + id,
                    roleNames(before) + " -> " + roleNames(changes.roles()), ip);
        }
        if (changes.active() != null && changes.active() != u.isActive()) {
            if (self && !changes.active()) {
                throw ZemoException.conflict("you cannot disable your own account; ask another admin");
            }
            if (changes.active()) {
                u.activate();
            } else {
                deactivate(u);
            }
            audit.record(admin.userId(), admin.username(), changes.active() ? "user.activated" : "user.deactivated", "user:" + id, null, ip);
        }
        if (changes.password() != null) {
            u.changePassword(PasswordHashing.hash(changes.password()));
            audit.record(admin.userId(), admin.username(), "user.password-reset", "user:" + id, null, ip);
        }
        if (changes.displayName() != null || changes.email() != null) {
            u.rename(changes.displayName() != null ? changes.displayName() : u.getDisplayName(),
                    changes.email() != null ? changes.email() : u.getEmail());
        }
        tokenCache.evictUser(id);
        return u;
    }

    /** Deleting keeps the row (jobs, prompts and audit refer to it): the account is deactivated and its tokens revoked. */
    public void delete(Caller admin, long id, String ip) {
        requireAdmin(admin);
        User u = get(id);
        if (admin.userId() == id) {
            throw ZemoException.conflict("you cannot delete your own account");
        }
        if (u.isActive()) {
            deactivate(u);
        }
        audit.record(admin.userId(), admin.username(), "user.deleted", "user:" + id, "deactivated, tokens revoked", ip);
    }

    public void changeOwnPassword(Caller caller, String current, String next, String ip) {
        User u = get(caller.userId());
        if (!PasswordHashing.verify(current, u.getPasswordHash())) {
            audit.record(caller.userId(), caller.username(), "user.password-change-failed", "user:" + u.getId(), "wrong current password", ip);
            throw ZemoException.invalid("the current password is wrong");
        }
        u.changePassword(PasswordHashing.hash(next));
        audit.record(caller.userId(), caller.username(), "user.password-changed", "user:" + u.getId(), null, ip);
    }

    private void deactivate(User u) {
        if (u.hasRole(Role.ADMIN)) {
            requireAnotherActiveAdmin(u);
        }
        u.deactivate();
        tokens.revokeAll(u.getId());
        tokenCache.evictUser(u.getId());
    }

    private void requireAnotherActiveAdmin(User u) {
        Long others = em.createQuery("SELECT COUNT(DISTINCT x) FROM User x JOIN x.roles r WHERE x.active = TRUE AND x.id <> :id AND r = :admin", Long.class)
                .setParameter("id", u.getId()).setParameter("admin", Role.ADMIN).getSingleResult();
        if (others == 0) {
            throw ZemoException.conflict("Zemo needs at least one active admin");
        }
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ZemoException.forbidden("only admins manage users");
        }
    }

    private static void checkPassword(String password) {
        try {
            PasswordHashing.requirePassword(password);
        } catch (IllegalArgumentException e) {
            throw ZemoException.invalid(e.getMessage());
        }
    }

    private static String roleNames(Set<Role> roles) {
        return roles.stream().map(Role::roleName).sorted().toList().toString();
    }
}
