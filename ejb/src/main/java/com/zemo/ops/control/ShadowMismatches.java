package com.zemo.ops.control;

import com.zemo.platform.ZemoDb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads the sampled shadow mismatches (written by {@link LegacyMonolith}). */
@ApplicationScoped
public class ShadowMismatches {

    public record Sample(long id, OffsetDateTime at, String node, String requestId, String subjectKind, long subjectId,
                         String method, String path, Integer legacyStatus, Integer zemoStatus, String legacyBody,
                         String zemoBody, String difference) {
    }

    @Inject
    @ZemoDb
    DataSource ds;

    public List<Sample> newest(int limit) {
        List<Sample> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, at, node, request_id, subject_kind, subject_id, method, path, legacy_status, "
                     + "zemo_status, legacy_body, zemo_body, difference FROM traffic_shadow_mismatches ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Sample(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), rs.getString(7), rs.getString(8), (Integer) rs.getObject(9), (Integer) rs.getObject(10),
                            rs.getString(11), rs.getString(12), rs.getString(13)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading shadow mismatches", e);
        }
        return out;
    }
}
