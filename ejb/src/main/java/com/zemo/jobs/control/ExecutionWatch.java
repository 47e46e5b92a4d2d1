package com.zemo.jobs.control;

import com.zemo.identity.control.Caller;
import com.zemo.jobs.entity.Job;
import com.zemo.jobs.entity.JobStatus;
import com.zemo.platform.ZemoException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator console's view of the batch side: the running, failed and stopped jobs, newest first, each with its
 * latest execution's steps and counts and the job's last checkpoint.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ExecutionWatch {

    /** A job to watch: its latest execution (null before the first start) and its checkpoint as stored (JSON text). */
    public record Watched(long jobId, String type, String status, String node, int attempts, OffsetDateTime heartbeatAt,
                          String checkpoint, ExecutionInfo latest) implements java.io.Serializable {
    }

    @PersistenceContext(unitName = "zemo")
    EntityManager em;

    @EJB
    JobService jobs;

    public List<Watched> recent(Caller caller, int limit) {
        if (!caller.isOperator()) {
            throw ZemoException.forbidden("the executions of all jobs are for operators and admins");
        }
        List<Job> found = em.createQuery("SELECT j FROM Job j WHERE j.status IN :states ORDER BY j.id DESC", Job.class)
                .setParameter("states", List.of(JobStatus.RUNNING, JobStatus.FAILED, JobStatus.STOPPED))
                .setHint("eclipselink.read-only", "true")
                .setMaxResults(Math.max(1, Math.min(limit, 100))).getResultList();
        List<Watched> out = new ArrayList<>();
        for (Job j : found) {
            List<ExecutionInfo> executions = jobs.executions(caller, j.getId());
            out.add(new Watched(j.getId(), j.getType(), j.getStatus().dbValue(), j.getNode(), j.getAttempts(), j.getHeartbeatAt(),
                    j.getCheckpoint(), executions.isEmpty() ? null : executions.get(0)));
        }
        return out;
    }
}
