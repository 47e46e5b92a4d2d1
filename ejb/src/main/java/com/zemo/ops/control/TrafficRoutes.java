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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The traffic switch's flags (table traffic_routes): a copy on every node, read on the request path without any
 * database or Redis call, reloaded at once when another node broadcasts a change on a Redis topic, and every few
 * seconds in any case ({@link TrafficRoutesRefresh}), so a change reaches every node within seconds even when a
 * broadcast is lost.
 */
@ApplicationScoped
public class TrafficRoutes {
    private static final Logger LOG = Logger.getLogger(TrafficRoutes.class.getName());
    private static final String TOPIC = "zemo:traffic-routes";

    public enum Kind {
        TOKEN("token"), USER("user");

        final String column;

        Kind(String column) {
            this.column = column;
        }

        public String value() {
            return column;
        }
    }

    /** One flag as the admin API shows it. */
    public record Route(String kind, long id, String state, String updatedBy, OffsetDateTime updatedAt) {
    }

    @Inject
    @ZemoDb
    DataSource ds;

    @Inject
    RedissonClient redis;

    /** Keys "token:ID" / "user:ID"; replaced whole on every reload, so readers never see half a reload. */
    private volatile Map<String, TrafficState> routes = Map.of();
    private RTopic topic;

    @PostConstruct
    void init() {
        refresh();
        try {
            topic = redis.getTopic(TOPIC);
            // The message carries the change itself ("token:42=legacy"): applied without a database call, because
            // Redisson calls listeners on its own threads, where the server's pool is not ours to use.
            topic.addListener(String.class, (ch, msg) -> apply(msg));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "traffic switch changes from other nodes will arrive by polling only", e);
        }
    }

    /** True when every integrator is on the default state: the request filter then does nothing at all. */
    public boolean allOnZemo() {
        return routes.isEmpty();
    }

    /** The token's flag, else its owner's, else {@code zemo}. */
    public TrafficState stateFor(Long tokenId, long userId) {
        Map<String, TrafficState> r = routes;
        if (r.isEmpty()) {
            return TrafficState.ZEMO;
        }
        TrafficState s = tokenId == null ? null : r.get("token:" + tokenId);
        if (s == null) {
            s = r.get("user:" + userId);
        }
        return s == null ? TrafficState.ZEMO : s;
    }

    public Route get(Kind kind, long id) {
        requireSubject(kind, id);
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, updated_by, updated_at FROM traffic_routes WHERE subject_kind = ? AND subject_id = ?")) {
            ps.setString(1, kind.column);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new Route(kind.column, id, rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class))
                        : new Route(kind.column, id, TrafficState.ZEMO.value(), null, null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the traffic route of " + kind.column + " " + id, e);
        }
    }

    /** Every flag that is not the default, newest change first. */
    public List<Route> list() {
        List<Route> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT subject_kind, subject_id, state, updated_by, updated_at FROM traffic_routes ORDER BY updated_at DESC");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Route(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing traffic routes", e);
        }
        return out;
    }

    /** Sets a flag ({@code zemo} removes the row: the default needs none) and tells every node. */
    public Route set(Kind kind, long id, TrafficState state, String by) {
        requireSubject(kind, id);
        try (Connection c = ds.getConnection()) {
            if (state == TrafficState.ZEMO) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM traffic_routes WHERE subject_kind = ? AND subject_id = ?")) {
                    ps.setString(1, kind.column);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO traffic_routes (subject_kind, subject_id, state, updated_by, updated_at) VALUES (?, ?, ?, ?, now()) "
                                + "ON CONFLICT (subject_kind, subject_id) DO UPDATE SET state = EXCLUDED.state, updated_by = EXCLUDED.updated_by, updated_at = now()")) {
                    ps.setString(1, kind.column);
                    ps.setLong(2, id);
                    ps.setString(3, state.value());
                    ps.setString(4, by);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("changing the traffic route of " + kind.column + " " + id, e);
        }
        refresh();
        if (topic != null) {
            try {
                topic.publish(kind.column + ":" + id + "=" + state.value());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "other nodes will see the traffic switch change by polling", e);
            }
        }
        return get(kind, id);
    }

    /** One change broadcast by another node; the periodic reload corrects anything a lost or reordered message missed. */
    synchronized void apply(String message) {
        int eq = message == null ? -1 : message.indexOf('=');
        if (eq < 0) {
            return;
        }
        try {
            String key = message.substring(0, eq);
            TrafficState state = TrafficState.parse(message.substring(eq + 1));
            Map<String, TrafficState> next = new HashMap<>(routes);
            if (state == TrafficState.ZEMO) {
                next.remove(key);
            } else {
                next.put(key, state);
            }
            routes = Map.copyOf(next);
        } catch (RuntimeException malformed) {
            LOG.log(Level.FINE, "ignored traffic switch message " + message, malformed);
        }
    }

    public synchronized void refresh() {
        Map<String, TrafficState> fresh = new HashMap<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT subject_kind, subject_id, state FROM traffic_routes WHERE state <> 'zemo'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                fresh.put(rs.getString(1) + ":" + rs.getLong(2), TrafficState.parse(rs.getString(3)));
            }
            routes = Map.copyOf(fresh);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not reload the traffic switch; keeping the last copy", e);
        }
    }

    private void requireSubject(Kind kind, long id) {
        String sql = kind == Kind.TOKEN ? "SELECT 1 FROM api_tokens WHERE id = ?" : "SELECT 1 FROM users WHERE id = ?";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ZemoException.notFound(kind.column + " " + id);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
