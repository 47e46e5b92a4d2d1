package com.zemo.jobs.control;

import com.zemo.platform.ZemoConfig;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.logging.Logger;

/**
 * Queues the retention clean-up every night at 03:15 (server time). Every node's timer fires; an advisory lock
 * and the "none queued or running yet" check make exactly one job of it.
 */
@Singleton
public class MaintenanceSchedule {
    private static final Logger LOG = Logger.getLogger(MaintenanceSchedule.class.getName());

    @PersistenceContext(unitName = "zemo")
    EntityManager em;

    @Inject
    ZemoConfig config;

    @Inject
    JobTypes types;

    @Inject
    JobWakeUp wakeUp;

    @Schedule(hour = "3", minute = "15", persistent = false, info = "nightly retention clean-up")
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void nightly() {
        if (!config.maintenance().enabled()) {
            return;
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(727002)").getSingleResult();
        Number pending = (Number) em.createNativeQuery(
                "SELECT count(*) FROM jobs WHERE type = 'maintenance' AND status IN ('queued','running')").getSingleResult();
        if (pending.longValue() > 0) {
            return;
        }
        String params = types.require(JobTypes.MAINTENANCE).params().apply(jakarta.json.Json.createObjectBuilder()
                .add("logDays", config.maintenance().logDays()).add("jobDays", config.maintenance().jobDays()).build()).toJson();
        em.createNativeQuery("INSERT INTO jobs (type, status, params, request_id) VALUES ('maintenance', 'queued', CAST(?1 AS jsonb), 'schedule')")
                .setParameter(1, params).executeUpdate();
        wakeUp.afterCommit();
        LOG.info("queued the nightly maintenance job");
    }
}
