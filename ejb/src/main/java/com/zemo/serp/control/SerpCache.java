package com.zemo.serp.control;

import com.zemo.platform.JsonText;
import com.zemo.platform.ZemoDb;
import com.zemo.serp.batch.SerpHit;
import com.zemo.serp.batch.SerpQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SERP results kept in PostgreSQL (table serp_cache, V5) so every node of the cluster reuses them: keyed by engine,
 * normalised query, region, language and depth; an entry is fresh for {@code zemo.serpapi.cache-hours}.
 */
@ApplicationScoped
public class SerpCache {

    public record Entry(List<SerpHit> hits, String provider, OffsetDateTime fetchedAt) {
    }

    @Inject
    @ZemoDb
    DataSource ds;

    public Optional<Entry> find(SerpQuery q, Duration maxAge) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT results::text, provider, fetched_at FROM serp_cache WHERE engine = ? AND query_norm = ? AND region = ? "
                             + "AND language = ? AND depth = ? AND fetched_at > now() - make_interval(secs => ?)")) {
            bindKey(ps, q);
            ps.setDouble(6, maxAge.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Entry(decode(rs.getString(1)), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the SERP cache", e);
        }
    }

    /** Stores (or refreshes) an entry and drops entries older than {@code maxAge}, which no lookup would return. */
    public void store(SerpQuery q, String provider, List<SerpHit> hits, int credits, Duration maxAge) {
        try (Connection c = ds.getConnection();
             PreparedStatement stale = c.prepareStatement("DELETE FROM serp_cache WHERE fetched_at < now() - make_interval(secs => ?)");
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO serp_cache (engine, query_norm, region, language, depth, provider, results, credits) "
                             + "VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?) ON CONFLICT (engine, query_norm, region, language, depth) "
                             + "DO UPDATE SET provider = excluded.provider, results = excluded.results, credits = excluded.credits, fetched_at = now()")) {
            bindKey(ps, q);
            ps.setString(6, provider);
            ps.setString(7, encode(hits));
            ps.setInt(8, credits);
            ps.executeUpdate();
            stale.setDouble(1, maxAge.toSeconds());
            stale.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the SERP cache", e);
        }
    }

    private static void bindKey(PreparedStatement ps, SerpQuery q) throws SQLException {
        ps.setString(1, q.engine());
        ps.setString(2, q.normalizedQuery());
        ps.setString(3, q.region() == null ? "" : q.region().toLowerCase(Locale.ROOT));
        ps.setString(4, q.language() == null ? "" : q.language().toLowerCase(Locale.ROOT));
        ps.setInt(5, q.depth());
    }

    static String encode(List<SerpHit> hits) {
        StringBuilder sb = new StringBuilder("[");
        for (SerpHit h : hits) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append("{\"position\":").append(h.position()).append(",\"url\":").append(JsonText.quote(h.url()))
                    .append(",\"title\":").append(JsonText.quote(h.title())).append(",\"snippet\":").append(JsonText.quote(h.snippet())).append('}');
        }
        return sb.append(']').toString();
    }

    static List<SerpHit> decode(String json) {
        List<SerpHit> hits = new ArrayList<>();
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            for (JsonValue v : r.readArray()) {
                JsonObject o = v.asJsonObject();
                hits.add(new SerpHit(o.getInt("position"), o.getString("url"), o.getString("title", null), o.getString("snippet", null)));
            }
        }
        return hits;
    }
}
