package com.zemo.identity.control;

import com.zemo.identity.entity.AuditEvent;
import com.zemo.platform.LogContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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

    public List<AuditEvent> byAction(String action, int limit) {
        return em.createNamedQuery(AuditEvent.BY_ACTION, AuditEvent.class).setParameter("action", action).setMaxResults(limit).getResultList();
    }
}
