package com.zemo.ops.control;

import com.zemo.platform.ZemoDb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Cut-over and rollback: waits until no job is running anywhere in the cluster (pause the job types first, or new
 * ones keep starting), up to a timeout, and says what is still running when it gives up.
 */
@ApplicationScoped
public class Drain {

    public record RunningJob(long id, String type, String node, String step, Long done, Long total, OffsetDateTime startedAt) {
    }

    public record Report(boolean drained, long waitedMillis, long queued, List<RunningJob> running) {
    }

    @Inject
    @ZemoDb
    DataSource ds;

    public Report await(Duration timeout) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        while (true) {
            List<RunningJob> running = running();
            long waited = (System.nanoTime() - t0) / 1_000_000;
            if (running.isEmpty() || System.nanoTime() >= deadline) {
                return new Report(running.isEmpty(), waited, queued(), running);
            }
            Thread.sleep(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }

    private List<RunningJob> running() {
        List<RunningJob> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, type, node, current_step, progress_done, progress_total, started_at "
                     + "FROM jobs WHERE status = 'running' ORDER BY id LIMIT 1000");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new RunningJob(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        (Long) rs.getObject(6), rs.getObject(7, OffsetDateTime.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing running jobs", e);
        }
        return out;
    }

    private long queued() {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM jobs WHERE status = 'queued'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting queued jobs", e);
        }
    }
}
