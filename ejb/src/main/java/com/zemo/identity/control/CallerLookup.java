package com.zemo.identity.control;

import com.zemo.identity.entity.User;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Resolves a session principal to a caller (dashboard requests; API requests carry theirs already). */
@Stateless
public class CallerLookup {
    @PersistenceContext(unitName = "zemo")
    EntityManager em;

    public Optional<Caller> byUsername(String username) {
        return em.createNamedQuery(User.BY_USERNAME, User.class).setParameter("username", username).getResultStream()
                .filter(User::isActive)
                .findFirst()
                .map(u -> new Caller(u.getId(), u.getUsername(), u.getRoles(), null));
    }
}
