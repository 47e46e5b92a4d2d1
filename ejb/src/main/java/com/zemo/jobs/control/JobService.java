package com.zemo.jobs.control;

import com.zemo.identity.control.Caller;
import com.zemo.identity.entity.Role;
import com.zemo.jobs.batch.JobMetrics;
import com.zemo.jobs.entity.Job;
import com.zemo.jobs.entity.JobLog;
import com.zemo.jobs.entity.JobStatus;
import com.zemo.ops.control.ReadOnlyMode;
import com.zemo.platform.LogContext;
import com.zemo.platform.ZemoDb;
import com.zemo.platform.ZemoException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Submitting, reading and controlling jobs. Users see their own jobs; operators and admins see all. */
@Stateless
public class JobService {

    public record Filter(String type, JobStatus status, Long ownerId, OffsetDateTime from, OffsetDateTime to) {
    }

    public enum Sort {
        CREATED_DESC("created_at DESC, id DESC"), CREATED_ASC("created_at ASC, id ASC"), ID_DESC("id DESC"), ID_ASC("id ASC");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }
    }

    @PersistenceContext(unitName = "zemo")
    EntityManager em;

    @Inject
    @ZemoDb
    DataSource ds;

    @Inject
    JobTypes types;

    @Inject
    ReadOnlyMode readOnly;

    @Inject
    JobWakeUp wakeUp;

    @Inject
    JobMetrics metrics;

    @Inject
    ListTotals totals;

    @EJB
    BatchGateway batch;

    public Job submit(Caller caller, String type, JsonObject params) {
        readOnly.check();
        JobType t = types.require(type);
        if (caller.roles().stream().noneMatch(t.submitters()::contains)) {
            throw ZemoException.forbidden("submitting '" + type + "' jobs needs one of the roles "
                    + t.submitters().stream().map(Role::roleName).sorted().toList());
        }
        JobParams checked = t.params().apply(params);
        checked.jobReferences().forEach(r -> {
            Job ref = em.find(Job.class, r.id());
            if (ref == null || !canSee(caller, ref) || !r.type().equals(ref.getType())) {
                // names the parameter: the dashboard shows the refusal next to that field
                throw ZemoException.invalid("parameter '" + r.param() + "': no " + r.type() + " job " + r.id() + " that you can see");
            }
        });
        Job job = new Job(type, caller.userId(), null, checked.toJson(), LogContext.get(LogContext.REQUEST_ID));
        em.persist(job);
        em.flush();
        em.createNativeQuery("INSERT INTO job_type_controls (type) VALUES (?1) ON CONFLICT DO NOTHING").setParameter(1, type).executeUpdate();
        em.createNativeQuery("INSERT INTO job_logs (job_id, level, message) VALUES (?1, 'INFO', ?2)")
                .setParameter(1, job.getId()).setParameter(2, "queued by " + caller.username()).executeUpdate();
        metrics.submitted(type);
        wakeUp.afterCommit();
        return job;
    }

    /** The job types the caller's roles may submit (the new-job form offers only these), by name. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.SortedSet<String> submittableTypes(Caller caller) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (JobType t : types.all()) {
            if (caller.roles().stream().anyMatch(t.submitters()::contains)) {
                names.add(t.name());
            }
        }
        return names;
    }

    public Job get(Caller caller, long id) {
        Job j = em.find(Job.class, id);
        if (j == null || !canSee(caller, j)) {
            throw ZemoException.notFound("job " + id);
        }
        return j;
    }

    /** The batch executions of a job, newest first, with their steps (from the shared batch repository). */
    public List<ExecutionInfo> executions(Caller caller, long jobId) {
        get(caller, jobId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT execution_id, node, attempt, kind FROM job_executions WHERE job_id = ?1 ORDER BY started_at DESC")
                .setParameter(1, jobId).getResultList();
        List<ExecutionInfo> out = new ArrayList<>();
        for (Object[] r : rows) {
            long exec = ((Number) r[0]).longValue();
            String batchStatus = null;
            String exit = null;
            OffsetDateTime start = null;
            OffsetDateTime end = null;
            List<ExecutionInfo.Step> steps = new ArrayList<>();
            try {
                var e = batch.execution(exec);
                batchStatus = String.valueOf(e.getBatchStatus());
                exit = e.getExitStatus();
                start = at(e.getStartTime());
                end = at(e.getEndTime());
                for (var s : batch.steps(exec)) {
                    java.util.Map<String, Long> m = new java.util.HashMap<>();
                    for (var metric : s.getMetrics()) {
                        m.put(metric.getType().name(), metric.getValue());
                    }
                    steps.add(new ExecutionInfo.Step(s.getStepExecutionId(), s.getStepName(), String.valueOf(s.getBatchStatus()), s.getExitStatus(),
                            at(s.getStartTime()), at(s.getEndTime()), m.getOrDefault("READ_COUNT", 0L), m.getOrDefault("WRITE_COUNT", 0L),
                            m.getOrDefault("COMMIT_COUNT", 0L), m.getOrDefault("ROLLBACK_COUNT", 0L), m.getOrDefault("READ_SKIP_COUNT", 0L),
                            m.getOrDefault("PROCESS_SKIP_COUNT", 0L), m.getOrDefault("WRITE_SKIP_COUNT", 0L), m.getOrDefault("FILTER_COUNT", 0L)));
                }
            } catch (RuntimeException e) {
                exit = "not readable from the batch repository: " + e.getClass().getSimpleName();
            }
            out.add(new ExecutionInfo(exec, (String) r[1], ((Number) r[2]).intValue(), (String) r[3], batchStatus, exit, start, end, steps));
        }
        return out;
    }

    private static OffsetDateTime at(java.util.Date d) {
        return d == null ? null : d.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    public List<Job> children(Job parent) {
        return em.createNamedQuery(Job.CHILDREN, Job.class).setParameter("parentId", parent.getId()).getResultList();
    }

    /** Read-only and outside a transaction: a page of jobs needs neither JTA enlistment nor change tracking. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Job> list(Caller caller, Filter f, Sort sort, int offset, int limit) {
        JobFilterSql filter = JobFilterSql.of(caller, f);
        Query q = em.createNativeQuery("SELECT * FROM jobs" + filter.where() + " ORDER BY " + sort.sql + " LIMIT ? OFFSET ?", Job.class);
        int i = 1;
        for (Object p : filter.params()) {
            q.setParameter(i++, p);
        }
        q.setParameter(i++, limit);
        q.setParameter(i, offset);
        q.setHint("eclipselink.read-only", "true");
        @SuppressWarnings("unchecked")
        List<Job> page = q.getResultList();
        return page;
    }

    /**
     * The same page as {@link #list}, as rows of the listed columns only: the API and the dashboard's table read
     * this under load, where building entities with their JSON columns, and then EclipseLink's query machinery,
     * were the largest part of a request (see {@link JobSummaryQuery}).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<JobSummaryRow> summaries(Caller caller, Filter f, Sort sort, int offset, int limit) {
        JobSummaryQuery q = new JobSummaryQuery(caller, f, sort, offset, limit);
        try (Connection c = ds.getConnection()) {
            return q.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the jobs list failed", e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long count(Caller caller, Filter f) {
        String key = (caller.isOperator() ? "all" : "u" + caller.userId()) + "|" + f;
        return totals.get(key, () -> exactCount(caller, f));
    }

    private long exactCount(Caller caller, Filter f) {
        JobFilterSql filter = JobFilterSql.of(caller, f);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM jobs" + filter.where())) {
            for (int i = 0; i < filter.params().size(); i++) {
                ps.setObject(i + 1, filter.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting the jobs list failed", e);
        }
    }

    public List<JobLog> logs(Caller caller, long jobId, long afterId, int limit) {
        get(caller, jobId);
        return em.createNamedQuery(JobLog.OF_JOB_AFTER, JobLog.class).setParameter("jobId", jobId).setParameter("afterId", afterId)
                .setMaxResults(limit).getResultList();
    }

    /** Stop a running job at its next checkpoint (on whichever node runs it). */
    public Job stop(Caller caller, long id) {
        readOnly.check();
        Job j = controllable(caller, id);
        if (j.getStatus() != JobStatus.RUNNING) {
            throw ZemoException.conflict("only a running job can be stopped; this one is " + j.getStatus().dbValue()
                    + (j.getStatus() == JobStatus.QUEUED ? " (cancel it instead)" : ""));
        }
        update("UPDATE jobs SET stop_requested = TRUE WHERE id = ?1 AND status = 'running'", id);
        log(id, "WARN", "stop requested by " + caller.username());
        wakeUp.afterCommit();
        return refreshed(id);
    }

    /** Restart a failed or stopped job from its last checkpoint. */
    public Job restart(Caller caller, long id) {
        readOnly.check();
        Job j = controllable(caller, id);
        if (j.getStatus() != JobStatus.FAILED && j.getStatus() != JobStatus.STOPPED) {
            throw ZemoException.conflict("only a failed or stopped job can be restarted; this one is " + j.getStatus().dbValue());
        }
        update("UPDATE jobs SET status = 'queued', resume_mode = 'restart', queued_at = now(), finished_at = NULL, error = NULL, "
                + "node = NULL, stop_requested = FALSE WHERE id = ?1 AND status IN ('failed','stopped')", id);
        log(id, "INFO", "restart requested by " + caller.username());
        wakeUp.afterCommit();
        return refreshed(id);
    }

    /** Give up a failed or stopped job for good: its batch execution is abandoned and the job canceled. */
    public Job abandon(Caller caller, long id) {
        readOnly.check();
        Job j = controllable(caller, id);
        if (j.getStatus() != JobStatus.FAILED && j.getStatus() != JobStatus.STOPPED) {
            throw ZemoException.conflict("only a failed or stopped job can be abandoned; this one is " + j.getStatus().dbValue());
        }
        if (j.getBatchExecutionId() != null) {
            try {
                batch.abandon(j.getBatchExecutionId());
            } catch (RuntimeException e) {
                log(id, "WARN", "the batch execution could not be marked abandoned: " + e.getMessage());
            }
        }
        update("UPDATE jobs SET status = 'canceled', error = 'abandoned by an operator', finished_at = now() WHERE id = ?1", id);
        log(id, "WARN", "abandoned by " + caller.username());
        return refreshed(id);
    }

    /** Cancel a queued job before it starts. */
    public Job cancel(Caller caller, long id) {
        readOnly.check();
        Job j = controllable(caller, id);
        if (j.getStatus() != JobStatus.QUEUED) {
            throw ZemoException.conflict("only a queued job can be canceled; this one is " + j.getStatus().dbValue()
                    + (j.getStatus() == JobStatus.RUNNING ? " (stop it instead)" : ""));
        }
        int n = update("UPDATE jobs SET status = 'canceled', finished_at = now() WHERE id = ?1 AND status = 'queued'", id);
        if (n == 0) {
            throw ZemoException.conflict("the job started meanwhile; stop it instead");
        }
        log(id, "WARN", "canceled by " + caller.username());
        return refreshed(id);
    }

    /** Owners control their own jobs; operators and admins control all. */
    private Job controllable(Caller caller, long id) {
        Job j = get(caller, id);
        if (!caller.isOperator() && !j.getOwnerId().equals(caller.userId())) {
            throw ZemoException.notFound("job " + id);
        }
        if (caller.has(Role.VIEWER) && caller.roles().size() == 1) {
            throw ZemoException.forbidden("viewers cannot control jobs");
        }
        return j;
    }

    private static boolean canSee(Caller caller, Job j) {
        return caller.isOperator() || (j.getOwnerId() != null && j.getOwnerId() == caller.userId());
    }

    private int update(String sql, long id) {
        return em.createNativeQuery(sql).setParameter(1, id).executeUpdate();
    }

    private void log(long id, String level, String message) {
        em.createNativeQuery("INSERT INTO job_logs (job_id, level, message) VALUES (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, level).setParameter(3, message).executeUpdate();
    }

    private Job refreshed(long id) {
        Job j = em.find(Job.class, id);
        em.refresh(j);
        return j;
    }
}
