package com.zemo.jobs.batch;

import com.zemo.platform.ZemoDb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.redisson.api.RedissonClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A job's log and progress, as stored lines (PostgreSQL) and live events (a Redis topic per job), so a client
 * connected to any node sees a job running on any other.
 */
@ApplicationScoped
public class JobEvents {
    private static final Logger LOG = Logger.getLogger(JobEvents.class.getName());
    public static final String TOPIC_PREFIX = "zemo:job:";
    /** Every node's dispatcher listens here: a job was queued, or capacity freed up. */
    public static final String WAKE_TOPIC = "zemo:jobs:wake";

    @Inject
    @ZemoDb
    DataSource ds;

    @Inject
    Instance<RedissonClient> redis;

    /** Appends a line in its own transaction: a log line survives the rollback of the chunk that wrote it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long log(long jobId, String level, String step, String node, String message) {
        String msg = message == null ? "" : message.length() > 4000 ? message.substring(0, 4000) + "…" : message;
        long id;
        OffsetDateTime at;
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO job_logs (job_id, level, step, node, message) VALUES (?, ?, ?, ?, ?) RETURNING id, at")) {
            ps.setLong(1, jobId);
            ps.setString(2, level);
            ps.setString(3, step);
            ps.setString(4, node);
            ps.setString(5, msg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                at = rs.getObject(2, OffsetDateTime.class);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not store a log line of job " + jobId, e);
            return -1;
        }
        publish(jobId, "{\"kind\":\"log\",\"id\":" + id + ",\"jobId\":" + jobId + ",\"at\":\"" + at + "\",\"level\":" + q(level)
                + ",\"step\":" + q(step) + ",\"node\":" + q(node) + ",\"message\":" + q(msg) + "}");
        return id;
    }

    /** A job ended here: its slot is free, so every dispatcher may claim again now rather than at its next poll. */
    public void wakeDispatchers() {
        if (redis.isUnsatisfied()) {
            return;
        }
        try {
            redis.get().getTopic(WAKE_TOPIC).publishAsync("freed");
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "wake-up not published (Redis); dispatchers poll anyway", e);
        }
    }

    public void progressChanged(long jobId) {
        publish(jobId, "{\"kind\":\"progress\",\"jobId\":" + jobId + "}");
    }

    private void publish(long jobId, String json) {
        if (redis.isUnsatisfied()) {
            return;
        }
        try {
            redis.get().getTopic(TOPIC_PREFIX + jobId).publishAsync(json);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "live event of job " + jobId + " not published (Redis)", e);
        }
    }

    static String q(String s) {
        return com.zemo.platform.JsonText.quote(s);
    }
}
