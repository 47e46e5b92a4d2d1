package com.zemo.identity.control;

import com.zemo.identity.entity.AuditEvent;
import com.zemo.platform.LogContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** Appends security and administration events. Runs in its own transaction so a failed login is still recorded. */
@Stateless
public class AuditService {
    private static final Logger LOG = Logger.getLogger(AuditService.class.getName());

    @PersistenceContext(unitName = "zemo")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Long actorId, String actor, String action, String target, String details, String ip) {
        em.persist(new AuditEvent(actorId, actor, action, target, details, ip, LogContext.get(LogContext.REQUEST_ID)));
        LOG.info(() -> "audit " + action + " actor=" + actor + (target == null ? "" : " target=" + target));
    }

    public List<AuditEvent> latest(int offset, int limit) {
        return em.createNamedQuery(AuditEvent.LATEST, AuditEvent.class).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** One page of the events matching the query, newest first. */
    public List<AuditEvent> search(Caller viewer, AuditQuery q, int offset, int limit) {
        requireAdmin(viewer);
        TypedQuery<AuditEvent> query = em.createQuery("SELECT a FROM AuditEvent a" + where(q) + " ORDER BY a.id DESC", AuditEvent.class);
        bind(query, q);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(Caller viewer, AuditQuery q) {
        requireAdmin(viewer);
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(a) FROM AuditEvent a" + where(q), Long.class);
        bind(query, q);
        return query.getSingleResult();
    }

    /** The event types recorded so far, for the filter's choices. */
    public List<String> actions() {
        return em.createQuery("SELECT DISTINCT a.action FROM AuditEvent a ORDER BY a.action", String.class).getResultList();
    }

    private static void requireAdmin(Caller viewer) {
        if (!viewer.isAdmin()) {
            throw com.zemo.platform.ZemoException.forbidden("the audit log is for admins");
        }
    }

    private static String where(AuditQuery q) {
        List<String> parts = new ArrayList<>();
        if (q.action() != null) {
            parts.add(q.actionIsPrefix() ? "a.action LIKE :action" : "a.action = :action");
        }
        if (q.actor() != null) {
            parts.add("LOWER(a.actor) = LOWER(:actor)");
        }
        if (q.from() != null) {
            parts.add("a.at >= :from");
        }
        if (q.to() != null) {
            parts.add("a.at < :to");
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private static void bind(TypedQuery<?> query, AuditQuery q) {
        if (q.action() != null) {
            // the prefix is escaped so a '%' or '_' typed in the filter matches itself
            query.setParameter("action", q.actionIsPrefix()
                    ? q.actionPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" : q.action());
        }
        if (q.actor() != null) {
            query.setParameter("actor", q.actor());
        }
        if (q.from() != null) {
            query.setParameter("from", q.from());
        }
        if (q.to() != null) {
            query.setParameter("to", q.to());
        }
    }

    public List<AuditEvent> byAction(String action, int limit) {
        return em.createNamedQuery(AuditEvent.BY_ACTION, AuditEvent.class).setParameter("action", action).setMaxResults(limit).getResultList();
    }
}
