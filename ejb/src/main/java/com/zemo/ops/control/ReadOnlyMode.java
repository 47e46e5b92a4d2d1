package com.zemo.ops.control;

import com.zemo.platform.ZemoDb;
import com.zemo.platform.ZemoException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cluster-wide read-only mode (cut-over, rollback): the flag lives in feature_flags; every node keeps a copy,
 * refreshed on a Redis broadcast at once and from the database every few seconds in any case.
 */
@ApplicationScoped
public class ReadOnlyMode {
    private static final Logger LOG = Logger.getLogger(ReadOnlyMode.class.getName());
    private static final String TOPIC = "zemo:flags";
    public static final String FLAG = "read-only";

    @Inject
    @ZemoDb
    DataSource ds;

    @Inject
    RedissonClient redis;

    private volatile boolean on;
    private volatile String changedBy;
    private RTopic topic;

    @PostConstruct
    void init() {
        refresh();
        try {
            topic = redis.getTopic(TOPIC);
            topic.addListener(String.class, (ch, msg) -> refresh());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "read-only changes from other nodes will arrive by polling only", e);
        }
    }

    public boolean isOn() {
        return on;
    }

    public String changedBy() {
        return changedBy;
    }

    /** Throws a 503 problem while read-only mode is on. */
    public void check() {
        if (on) {
            throw new ZemoException(ZemoException.Kind.READ_ONLY,
                    "Zemo is in read-only mode (maintenance or cut-over): reading works, changes are refused until an admin turns it off");
        }
    }

    public void set(boolean value, String by) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO feature_flags (key, value, updated_by, updated_at) VALUES (?, ?, ?, now()) "
                     + "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()")) {
            ps.setString(1, FLAG);
            ps.setString(2, Boolean.toString(value));
            ps.setString(3, by);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not change read-only mode", e);
        }
        on = value;
        changedBy = by;
        if (topic != null) {
            try {
                topic.publish(FLAG);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "other nodes will see the read-only change by polling", e);
            }
        }
    }

    public void refresh() {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT value, updated_by FROM feature_flags WHERE key = ?")) {
            ps.setString(1, FLAG);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    on = "true".equalsIgnoreCase(rs.getString(1));
                    changedBy = rs.getString(2);
                } else {
                    on = false;
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not read the read-only flag; keeping " + on, e);
        }
    }
}
