package com.zemo.jobs.control;

import com.zemo.identity.control.AuditService;
import com.zemo.identity.control.Caller;
import com.zemo.ops.control.ReadOnlyMode;
import com.zemo.platform.ZemoException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Operator controls over whole job types: pause/resume cluster-wide, concurrency limits, retry of failed jobs. */
@Stateless
public class JobTypeControls {

    public record TypeState(String type, String description, boolean paused, int maxConcurrent, long queued, long running,
                            long failed) {
    }

    public record RetryFilter(String type, Long ownerId, OffsetDateTime from, OffsetDateTime to, String errorContains) {
    }

    public record RetryOutcome(long matching, boolean dryRun, String confirmation, long requeued) {
    }

    @PersistenceContext(unitName = "zemo")
    EntityManager em;

    @Inject
    JobTypes types;

    @Inject
    ReadOnlyMode readOnly;

    @Inject
    JobWakeUp wakeUp;

    @EJB
    AuditService audit;

    public List<TypeState> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT t.type, t.paused, t.max_concurrent, "
                        + "(SELECT count(*) FROM jobs j WHERE j.type = t.type AND j.status = 'queued'), "
                        + "(SELECT count(*) FROM jobs j WHERE j.type = t.type AND j.status = 'running'), "
                        + "(SELECT count(*) FROM jobs j WHERE j.type = t.type AND j.status = 'failed') "
                        + "FROM job_type_controls t ORDER BY t.type").getResultList();
        List<TypeState> out = new ArrayList<>();
        for (Object[] r : rows) {
            String type = (String) r[0];
            if (types.exists(type)) {
                out.add(new TypeState(type, types.require(type).description(), (Boolean) r[1], ((Number) r[2]).intValue(),
                        ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue()));
            }
        }
        return out;
    }

    public TypeState setPaused(Caller caller, String type, boolean paused, String ip) {
        readOnly.check();
        types.require(type);
        ensure(type);
        em.createNativeQuery("UPDATE job_type_controls SET paused = ?1, updated_at = now(), updated_by = ?2 WHERE type = ?3")
                .setParameter(1, paused).setParameter(2, caller.username()).setParameter(3, type).executeUpdate();
        audit.record(caller.userId(), caller.username(), paused ? "jobs.type-paused" : "jobs.type-resumed", "job-type:" + type, null, ip);
        if (!paused) {
            wakeUp.afterCommit();
        }
        return state(type);
    }

    public TypeState setLimit(Caller caller, String type, int maxConcurrent, String ip) {
        readOnly.check();
        types.require(type);
        if (maxConcurrent < 1 || maxConcurrent > 1000) {
            throw ZemoException.invalid("maxConcurrent must be between 1 and 1000");
        }
        ensure(type);
        em.createNativeQuery("UPDATE job_type_controls SET max_concurrent = ?1, updated_at = now(), updated_by = ?2 WHERE type = ?3")
                .setParameter(1, maxConcurrent).setParameter(2, caller.username()).setParameter(3, type).executeUpdate();
        audit.record(caller.userId(), caller.username(), "jobs.type-limit", "job-type:" + type, "maxConcurrent=" + maxConcurrent, ip);
        wakeUp.afterCommit();
        return state(type);
    }

    /**
     * Retry every failed job matching the filter. A dry run counts them and returns a confirmation code; the real
     * run must present the code, which only matches while the filter still selects the same jobs.
     */
    public RetryOutcome retryFailed(Caller caller, RetryFilter f, boolean dryRun, String confirmation, String ip) {
        if (f.type() != null) {
            types.require(f.type());
        }
        StringBuilder where = new StringBuilder("status = 'failed'");
        List<Object> params = new ArrayList<>();
        if (f.type() != null) {
            params.add(f.type());
            where.append(" AND type = ?").append(params.size());
        }
        if (f.ownerId() != null) {
            params.add(f.ownerId());
            where.append(" AND owner_id = ?").append(params.size());
        }
        if (f.from() != null) {
            params.add(f.from());
            where.append(" AND created_at >= ?").append(params.size());
        }
        if (f.to() != null) {
            params.add(f.to());
            where.append(" AND created_at < ?").append(params.size());
        }
        if (f.errorContains() != null) {
            params.add("%" + f.errorContains().replace("%", "\\%").replace("_", "\\_") + "%");
            where.append(" AND error ILIKE ?").append(params.size());
        }
        var idsQuery = em.createNativeQuery("SELECT id FROM jobs WHERE " + where + " ORDER BY id");
        for (int i = 0; i < params.size(); i++) {
            idsQuery.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = idsQuery.getResultList();
        String code = code(ids);
        if (dryRun) {
            return new RetryOutcome(ids.size(), true, code, 0);
        }
        readOnly.check();
        if (confirmation == null || !confirmation.equals(code)) {
            throw ZemoException.conflict("the confirmation does not match the jobs this filter selects now (" + ids.size()
                    + "); run the dry run again and confirm with its code");
        }
        int n = 0;
        for (Object id : ids) {
            n += em.createNativeQuery("UPDATE jobs SET status = 'queued', resume_mode = 'restart', queued_at = now(), finished_at = NULL, "
                    + "error = NULL, node = NULL WHERE id = ?1 AND status = 'failed'").setParameter(1, ((Number) id).longValue()).executeUpdate();
        }
        audit.record(caller.userId(), caller.username(), "jobs.retry-failed", null, "requeued=" + n, ip);
        wakeUp.afterCommit();
        return new RetryOutcome(ids.size(), false, code, n);
    }

    private static String code(List<Object> ids) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Object id : ids) {
                md.update(id.toString().getBytes(StandardCharsets.US_ASCII));
                md.update((byte) ',');
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ensure(String type) {
        em.createNativeQuery("INSERT INTO job_type_controls (type) VALUES (?1) ON CONFLICT DO NOTHING").setParameter(1, type).executeUpdate();
    }

    private TypeState state(String type) {
        return list().stream().filter(t -> t.type().equals(type)).findFirst().orElseThrow();
    }
}
