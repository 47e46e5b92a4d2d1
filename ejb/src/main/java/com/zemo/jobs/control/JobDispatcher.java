package com.zemo.jobs.control;

import com.zemo.jobs.batch.JobEvents;
import com.zemo.jobs.batch.JobMetrics;
import com.zemo.jobs.batch.JobRef;
import com.zemo.ops.control.ReadOnlyMode;
import com.zemo.platform.ZemoConfig;
import com.zemo.platform.ZemoDb;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.redisson.api.RedissonClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dispatcher of one node. Every node runs one; they coordinate only through PostgreSQL and Redis:
 * <ul>
 *   <li>claim: per type, under a row lock on the type's control row (so the cluster-wide concurrency limit holds),
 *       queued jobs are taken with {@code FOR UPDATE SKIP LOCKED}, their attempt counter (the fencing token)
 *       incremented, and started here as batch executions;</li>
 *   <li>heartbeat: the node and its running jobs say they are alive;</li>
 *   <li>take-over: running jobs whose heartbeat stopped go back to the queue and resume from their application
 *       checkpoint on whichever node claims them; a zombie execution of the old attempt can no longer commit;</li>
 *   <li>stop requests made on any node reach the node running the job.</li>
 * </ul>
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobDispatcher {
    private static final Logger LOG = Logger.getLogger(JobDispatcher.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Batch starts are synchronous and slow under load: they get the managed pool, never the loop's thread. */
    @Resource
    ManagedExecutorService launcher;

    /**
     * Heartbeats run on a thread of their own, outside the container's pools: when a node is busy starting a
     * hundred jobs, a heartbeat queued behind them made the other node take over live jobs (a job ran twice
     * under ClusterIT on a loaded machine). The heartbeat is plain JDBC and needs no container context.
     */
    private ScheduledExecutorService heartbeatThread;

    /** Immediate claims after a wake-up broadcast (see start()). */
    private ExecutorService claimThread;

    @Resource
    ContextService context;

    @Inject
    @ZemoDb
    DataSource ds;

    @Inject
    ZemoConfig config;

    @Inject
    JobTypes types;

    @Inject
    JobEvents events;

    @Inject
    JobMetrics metrics;

    @Inject
    ReadOnlyMode readOnly;

    @Inject
    RedissonClient redis;

    @EJB
    BatchGateway batch;

    @Inject
    com.zemo.ops.control.ProviderLimits providerLimits;

    @Inject
    com.zemo.jobs.batch.ProviderMetrics providerMetrics;

    private final AtomicBoolean wake = new AtomicBoolean(true);
    private final Set<Long> stopsSent = new HashSet<>();
    private ScheduledFuture<?> loop;
    private ScheduledFuture<?> beat;
    private long lastHeartbeat;
    private long lastTakeoverScan;
    private long lastRefresh;
    private volatile boolean running = true;

    @PostConstruct
    void start() {
        try {
            batch.warmUp();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "batch runtime not ready at start-up; the first job will bring it up", e);
        }
        try {
            // created here, on a container thread: beans with a metric registry cannot be created on the scraper's threads
            providerMetrics.sessionsInUse(() -> Math.max(0, config.limits().browserSessions() - providerLimits.browserSessionsAvailable()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "no browser-session gauge", e);
        }
        requeueMyOrphans();
        try {
            // A submission anywhere in the cluster: claim now rather than at the next turn of the loop.
            // The listener runs on a Redisson thread, outside the container: a task handed from there to the managed
            // executor was accepted and silently never run, so every submission waited for the loop's next turn
            // (p50 ~115 ms on one node). The claim runs instead on a thread of its own, inside the container context
            // captured here (the launches it hands to the managed pool need it).
            Runnable claimInContext = context.createContextualProxy((Runnable) this::claimNow, Runnable.class);
            claimThread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "zemo-claim");
                t.setDaemon(true);
                return t;
            });
            redis.getTopic(JobWakeUp.TOPIC).addListener(String.class, (ch, msg) -> {
                wake.set(true);
                try {
                    claimThread.execute(claimInContext);
                } catch (RejectedExecutionException stopping) {
                    // the node is stopping
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "no wake-up broadcasts (Redis); polling only", e);
        }
        loop = scheduler.scheduleWithFixedDelay(this::tick, 1000, config.jobs().pollMillis(), TimeUnit.MILLISECONDS);
        // Heartbeats on their own thread: a slow claim or batch start must never look like a dead node.
        heartbeatThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zemo-heartbeat");
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        beat = heartbeatThread.scheduleWithFixedDelay(this::beat, 0, config.jobs().heartbeatMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "job dispatcher of node " + config.nodeName() + " started");
    }

    @PreDestroy
    void stop() {
        running = false;
        if (loop != null) {
            loop.cancel(false);
        }
        if (beat != null) {
            beat.cancel(false);
        }
        if (heartbeatThread != null) {
            heartbeatThread.shutdownNow();
        }
        if (claimThread != null) {
            claimThread.shutdownNow();
        }
    }

    /** One turn of the loop; never throws (a failed turn is logged and the next one tries again). */
    void tick() {
        if (!running) {
            return;
        }
        long now = System.currentTimeMillis();
        try {
            if (now - lastHeartbeat >= config.jobs().heartbeatMillis()) {
                propagateStops();
                lastHeartbeat = now;
            }
            if (now - lastTakeoverScan >= config.jobs().heartbeatMillis() * 2L) {
                takeOver();
                lastTakeoverScan = now;
            }
            if (now - lastRefresh >= 5000) {
                readOnly.refresh();
                updateGauges();
                lastRefresh = now;
            }
            // Poll every turn at a low rate even without a wake-up: a lost broadcast costs latency, never a job.
            if ((wake.getAndSet(false) || now % 2000 < config.jobs().pollMillis() + 50) && claiming.tryLock()) {
                try {
                    claimAndStart();
                } finally {
                    claiming.unlock();
                }
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "dispatcher turn failed; retrying", e);
        }
    }

    private final java.util.concurrent.locks.ReentrantLock claiming = new java.util.concurrent.locks.ReentrantLock();

    /** Claims outside the loop's rhythm; if a claim is already under way it will see the new job anyway. */
    void claimNow() {
        if (!running || !claiming.tryLock()) {
            return;
        }
        try {
            // a wake-up that arrives during this claim sets the flag again: claim once more rather than wait for the loop
            do {
                wake.set(false);
                claimAndStart();
            } while (wake.get() && running);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "immediate claim failed; the loop retries", e);
        } finally {
            claiming.unlock();
        }
    }

    private void claimAndStart() throws SQLException {
        List<String> queuedTypes = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT type FROM jobs WHERE status = 'queued'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                queuedTypes.add(rs.getString(1));
            }
        }
        for (String type : queuedTypes) {
            if (!types.exists(type)) {
                continue;
            }
            List<Claimed> claimed = claim(type);
            if (!claimed.isEmpty()) {
                wake.set(true); // more may be waiting: look again next turn, not in two seconds
            }
            for (Claimed job : claimed) {
                // JobOperator.start is synchronous and not cheap (repository rows): start claimed jobs side by side.
                launcher.execute(() -> launch(job));
            }
        }
    }

    record Claimed(long id, String type, int attempt, String params, String resumeMode, Long lastExecution, OffsetDateTime queuedAt) {
    }

    /** Claims as many queued jobs of one type as the cluster-wide and node limits allow, in one transaction. */
    private List<Claimed> claim(String type) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                int free;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT paused, max_concurrent FROM job_type_controls WHERE type = ? FOR UPDATE")) {
                    ps.setString(1, type);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || rs.getBoolean(1)) {
                            c.rollback();
                            return claimed;
                        }
                        free = rs.getInt(2);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        // A pipeline only waits for its children: it does not take a node slot, or pipelines could hold every
                        // slot and starve the children they wait for.
                        "SELECT count(*) FILTER (WHERE type = ?), count(*) FILTER (WHERE node = ? AND type <> 'pipeline') FROM jobs WHERE status = 'running'")) {
                    ps.setString(1, type);
                    ps.setString(2, config.nodeName());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        free = Math.min(free - rs.getInt(1), config.jobs().nodeSlots() - rs.getInt(2));
                    }
                }
                if (free <= 0) {
                    c.rollback();
                    return claimed;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE jobs SET status = 'running', node = ?, attempts = attempts + 1, started_at = COALESCE(started_at, now()), "
                                + "heartbeat_at = now(), stop_requested = FALSE, version = version + 1 "
                                + "WHERE id IN (SELECT id FROM jobs WHERE type = ? AND status = 'queued' ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED) "
                                + "RETURNING id, attempts, params::text, resume_mode, batch_execution_id, queued_at")) {
                    ps.setString(1, config.nodeName());
                    ps.setString(2, type);
                    ps.setInt(3, free);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long exec = rs.getLong(5);
                            claimed.add(new Claimed(rs.getLong(1), type, rs.getInt(2), rs.getString(3), rs.getString(4),
                                    rs.wasNull() ? null : exec, rs.getObject(6, OffsetDateTime.class)));
                        }
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return claimed;
    }

    /** Starts (or restarts) the batch execution of a claimed job on this node. */
    private void launch(Claimed job) {
        JobType type = types.require(job.type());
        JobRef ref = new JobRef(job.id(), job.attempt(), config.nodeName());
        Properties props = ref.toProperties(JobParams.toProperties(job.params()));
        String kind = job.resumeMode() == null ? "start" : job.resumeMode();
        try {
            long execution = startWithRetry(type, job, props, kind);
            recordExecution(job, execution, kind);
            if (job.queuedAt() != null) {
                metrics.started(job.type(), Duration.between(job.queuedAt(), OffsetDateTime.now()));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not start job " + job.id(), e);
            events.log(job.id(), "ERROR", null, config.nodeName(), "could not start the batch job: " + e.getMessage());
            fail(ref, "could not start: " + e.getMessage());
        }
    }

    /** A start that fails before any execution exists (the runtime still coming up) is tried twice more. */
    private long startWithRetry(JobType type, Claimed job, Properties props, String kind) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                if ("restart".equals(kind) && job.lastExecution() != null && restartable(job.lastExecution())) {
                    return batch.restart(job.lastExecution(), props);
                }
                return batch.start(type.jobXml(), props);
            } catch (RuntimeException e) {
                last = e;
                if (!String.valueOf(rootMessage(e)).contains("could not be instantiated")) {
                    throw e;
                }
                LOG.log(Level.WARNING, "batch runtime not ready for job " + job.id() + " (try " + attempt + "); retrying", e);
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    private static String rootMessage(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    private boolean restartable(long execution) {
        try {
            var status = batch.execution(execution).getBatchStatus();
            return status == jakarta.batch.runtime.BatchStatus.FAILED || status == jakarta.batch.runtime.BatchStatus.STOPPED;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Records the execution with its kind. The execution may have recorded itself already (JobRuntime), reading the
     * kind from the job's resume mode; this insert wins over that row, and clears the resume mode only afterwards,
     * so neither order of the two can label a take-over as a start.
     */
    private void recordExecution(Claimed job, long execution, String kind) {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO job_executions (execution_id, node, job_id, attempt, kind) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (node, execution_id) DO UPDATE SET kind = EXCLUDED.kind")) {
                ps.setLong(1, execution);
                ps.setString(2, config.nodeName());
                ps.setLong(3, job.id());
                ps.setInt(4, job.attempt());
                ps.setString(5, kind);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE jobs SET batch_execution_id = ?, resume_mode = NULL WHERE id = ? AND attempts = ?")) {
                ps.setLong(1, execution);
                ps.setLong(2, job.id());
                ps.setInt(3, job.attempt());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not record execution " + execution + " of job " + job.id(), e);
        }
    }

    private void fail(JobRef ref, String error) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE jobs SET status = 'failed', error = ?, finished_at = now() WHERE id = ? AND attempts = ? AND status = 'running'")) {
            ps.setString(1, error);
            ps.setLong(2, ref.jobId());
            ps.setInt(3, ref.attempt());
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not mark job " + ref.jobId() + " failed", e);
        }
    }

    void beat() {
        if (!running) {
            return;
        }
        try {
            heartbeat();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "heartbeat failed; retrying", e);
        }
    }

    private void heartbeat() throws SQLException {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO cluster_nodes (name, base_url) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET heartbeat_at = now()")) {
                ps.setString(1, config.nodeName());
                ps.setString(2, config.jobs().baseUrl());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET heartbeat_at = now() WHERE node = ? AND status = 'running'")) {
                ps.setString(1, config.nodeName());
                ps.executeUpdate();
            }
        }
    }

    /** Jobs whose node stopped heartbeating go back to the queue, to resume from their checkpoint elsewhere. */
    private void takeOver() throws SQLException {
        List<long[]> taken = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE jobs SET status = 'queued', resume_mode = 'takeover', takeovers = takeovers + 1, queued_at = now(), "
                             + "node = NULL, version = version + 1 "
                             + "WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => ?) "
                             // the node itself must be silent too: a lock held on one job row must not look like a dead node
                             + "AND NOT EXISTS (SELECT 1 FROM cluster_nodes n WHERE n.name = jobs.node AND n.heartbeat_at >= now() - make_interval(secs => ?)) "
                             + "RETURNING id, takeovers")) {
            ps.setDouble(1, config.jobs().takeoverAfterMillis() / 1000.0);
            ps.setDouble(2, config.jobs().takeoverAfterMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(new long[]{rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        for (long[] t : taken) {
            events.log(t[0], "WARN", null, config.nodeName(), "its node stopped heartbeating: queued again to resume from the last checkpoint (take-over " + t[1] + ")");
        }
        if (!taken.isEmpty()) {
            metrics.takenOver(taken.size());
            wake.set(true);
        }
    }

    /** After this node restarts under the same name, its old running jobs are orphans: requeue them at once. */
    private void requeueMyOrphans() {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE jobs SET status = 'queued', resume_mode = 'takeover', takeovers = takeovers + 1, queued_at = now(), node = NULL "
                             + "WHERE status = 'running' AND node = ? RETURNING id")) {
            ps.setString(1, config.nodeName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.log(rs.getLong(1), "WARN", null, config.nodeName(), "node restarted: queued again to resume from the last checkpoint");
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not requeue this node's orphaned jobs", e);
        }
    }

    private void propagateStops() throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, batch_execution_id FROM jobs WHERE node = ? AND status = 'running' AND stop_requested")) {
            ps.setString(1, config.nodeName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long exec = rs.getLong(2);
                    if (!rs.wasNull() && stopsSent.add(id)) {
                        try {
                            batch.stop(exec);
                            events.log(id, "WARN", null, config.nodeName(), "stopping at the next checkpoint");
                        } catch (RuntimeException e) {
                            stopsSent.remove(id);
                            LOG.log(Level.WARNING, "could not stop execution " + exec, e);
                        }
                    }
                }
            }
        }
        if (stopsSent.size() > 10_000) {
            stopsSent.clear();
        }
    }

    private void updateGauges() throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT t.type, count(j.id) FILTER (WHERE j.status = 'queued'), count(j.id) FILTER (WHERE j.status = 'running') "
                             + "FROM job_type_controls t LEFT JOIN jobs j ON j.type = t.type AND j.status IN ('queued','running') GROUP BY t.type");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                metrics.counts(rs.getString(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }
}
