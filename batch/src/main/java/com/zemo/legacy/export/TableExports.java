package com.zemo.legacy.export;

import com.zemo.legacy.importer.Jdbc;
import com.zemo.legacy.mapping.Gzip;
import com.zemo.legacy.mapping.LegacyBooleans;
import com.zemo.legacy.mapping.LegacyRoles;
import com.zemo.legacy.mapping.LegacyStatuses;
import com.zemo.legacy.mapping.LegacyTimestamps;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * One method per monolith table: streams the PostgreSQL rows with a cursor and inserts them into the SQLite
 * file in JDBC batches. References prefer the legacy id recorded on the row (it survives orphans and merged
 * accounts); rows born in Zemo are referenced through their export ids.
 */
final class TableExports {
    private static final int BATCH = 2000;

    /** Maps one PostgreSQL row onto the SQLite INSERT's parameters; false skips the row. */
    @FunctionalInterface
    private interface RowMapper {
        boolean map(ResultSet rs, PreparedStatement ins) throws SQLException;
    }

    private final Connection pg;
    private final Connection sqlite;
    private final String secretKey;
    private ExportIds users;
    private ExportIds prompts;
    private ExportIds jobs;

    TableExports(Connection pg, Connection sqlite, String secretKey) {
        this.pg = pg;
        this.sqlite = sqlite;
        this.secretKey = secretKey;
    }

    long users() throws SQLException {
        users = ExportIds.plan(pg, "SELECT id, legacy_id FROM users ORDER BY id", "users",
                "SELECT coalesce(max(legacy_id), 0) FROM legacy_user_aliases");
        String insert = "INSERT INTO users (id, email, name, password_hash, role, is_active, created_at, last_login_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        long n = copy("SELECT u.id, u.legacy_id, u.username, u.email, u.legacy_email, u.display_name, u.password_hash, "
                + "u.active, u.created_at, u.last_login_at, (SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY "
                + "CASE r.role WHEN 'admin' THEN 0 WHEN 'operator' THEN 1 WHEN 'editor' THEN 2 ELSE 3 END LIMIT 1) AS role "
                + "FROM users u ORDER BY u.id", insert, (rs, ins) -> {
                    ins.setLong(1, users.assign(rs.getLong("id"), Jdbc.getLong(rs, "legacy_id")));
                    String email = first(rs.getString("legacy_email"), rs.getString("email"), rs.getString("username"));
                    bindUser(ins, email, rs);
                    return true;
                });
        // Merged second accounts come back as the separate accounts they were.
        n += copy("SELECT legacy_id, email, legacy_email, display_name, password_hash, role, active, created_at, "
                + "last_login_at FROM legacy_user_aliases ORDER BY legacy_id", insert, (rs, ins) -> {
                    ins.setLong(1, rs.getLong("legacy_id"));
                    bindUser(ins, first(rs.getString("legacy_email"), rs.getString("email"), "legacy-" + rs.getLong("legacy_id")), rs);
                    return true;
                });
        return n;
    }

    private static void bindUser(PreparedStatement ins, String email, ResultSet rs) throws SQLException {
        ins.setString(2, email);
        ins.setString(3, rs.getString("display_name"));
        ins.setString(4, rs.getString("password_hash"));
        String role = rs.getString("role");
        ins.setString(5, role == null ? "viewer" : LegacyRoles.toLegacy(role));
        ins.setInt(6, LegacyBooleans.toLegacy(rs.getBoolean("active")));
        ins.setString(7, ts(rs, "created_at"));
        ins.setString(8, ts(rs, "last_login_at"));
    }

    long settings() throws SQLException {
        ExportIds ids = ExportIds.plan(pg, null, "settings", "SELECT coalesce(max(legacy_id), 0) FROM legacy_orphan_settings");
        String insert = "INSERT INTO settings (id, user_id, key, value, updated_at) VALUES (?, ?, ?, ?, ?)";
        String value = "CASE WHEN secret AND value_enc IS NOT NULL THEN pgp_sym_decrypt(value_enc, CAST(? AS text)) "
                + "ELSE value_text END AS value";
        long n = copy("SELECT legacy_id, user_id, legacy_user_id, key, " + value + ", updated_at FROM settings ORDER BY id",
                insert, (rs, ins) -> {
                    ins.setLong(1, ids.assignUnreferenced(Jdbc.getLong(rs, "legacy_id")));
                    setLong(ins, 2, users.reference(Jdbc.getLong(rs, "legacy_user_id"), Jdbc.getLong(rs, "user_id")));
                    ins.setString(3, rs.getString("key"));
                    ins.setString(4, rs.getString("value"));
                    ins.setString(5, ts(rs, "updated_at"));
                    return true;
                }, secretKey);
        n += copy("SELECT legacy_id, legacy_user_id, key, " + value + ", updated_at FROM legacy_orphan_settings ORDER BY legacy_id",
                insert, (rs, ins) -> {
                    ins.setLong(1, rs.getLong("legacy_id"));
                    setLong(ins, 2, Jdbc.getLong(rs, "legacy_user_id"));
                    ins.setString(3, rs.getString("key"));
                    ins.setString(4, rs.getString("value"));
                    ins.setString(5, ts(rs, "updated_at"));
                    return true;
                }, secretKey);
        return n;
    }

    long prompts() throws SQLException {
        prompts = ExportIds.plan(pg, "SELECT id, legacy_id FROM prompts ORDER BY id", "prompts", null);
        return copy("SELECT p.id, p.legacy_id, p.owner_id, p.legacy_owner_id, p.title, v.body, v.model, v.temperature, "
                        + "v.max_tokens, p.shared, p.created_at, p.updated_at, p.deleted_at FROM prompts p "
                        + "LEFT JOIN prompt_versions v ON v.prompt_id = p.id AND v.version = p.current_version ORDER BY p.id",
                "INSERT INTO prompts (id, user_id, title, body, model, temperature, max_tokens, is_shared, created_at, "
                        + "updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (rs, ins) -> {
                    ins.setLong(1, prompts.of(rs.getLong("id")));
                    setLong(ins, 2, users.reference(Jdbc.getLong(rs, "legacy_owner_id"), Jdbc.getLong(rs, "owner_id")));
                    ins.setString(3, rs.getString("title"));
                    ins.setString(4, rs.getString("body"));
                    ins.setString(5, rs.getString("model"));
                    setReal(ins, 6, rs.getBigDecimal("temperature"));
                    setLong(ins, 7, Jdbc.getLong(rs, "max_tokens"));
                    ins.setInt(8, LegacyBooleans.toLegacy(rs.getBoolean("shared")));
                    ins.setString(9, ts(rs, "created_at"));
                    ins.setString(10, ts(rs, "updated_at"));
                    ins.setString(11, ts(rs, "deleted_at"));
                    return true;
                });
    }

    long tasks() throws SQLException {
        jobs = ExportIds.plan(pg, "SELECT id, legacy_id FROM jobs ORDER BY id", "tasks", null);
        return copy("SELECT id, owner_id, legacy_owner_id, parent_id, legacy_parent_id, type, status, "
                        + "coalesce(keyword, params->>'keyword') AS keyword, params::text AS params, params_raw, "
                        + "result::text AS result, error, progress_done, progress_total, created_at, started_at, finished_at "
                        + "FROM jobs ORDER BY id",
                "INSERT INTO tasks (id, user_id, parent_id, type, status, keyword, params, result, error, progress, "
                        + "created_at, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (rs, ins) -> {
                    ins.setLong(1, jobs.of(rs.getLong("id")));
                    setLong(ins, 2, users.reference(Jdbc.getLong(rs, "legacy_owner_id"), Jdbc.getLong(rs, "owner_id")));
                    setLong(ins, 3, jobs.reference(Jdbc.getLong(rs, "legacy_parent_id"), Jdbc.getLong(rs, "parent_id")));
                    ins.setString(4, rs.getString("type"));
                    ins.setString(5, LegacyStatuses.toLegacy(rs.getString("status")));
                    ins.setString(6, rs.getString("keyword"));
                    String raw = rs.getString("params_raw");
                    ins.setString(7, raw != null ? raw : rs.getString("params"));
                    ins.setString(8, rs.getString("result"));
                    ins.setString(9, rs.getString("error"));
                    Long total = Jdbc.getLong(rs, "progress_total");
                    long done = rs.getLong("progress_done");
                    setLong(ins, 10, total == null ? null : total == 100 || total == 0 ? done : Math.round(done * 100.0 / total));
                    ins.setString(11, ts(rs, "created_at"));
                    ins.setString(12, ts(rs, "started_at"));
                    ins.setString(13, ts(rs, "finished_at"));
                    return true;
                });
    }

    long taskLogs() throws SQLException {
        ExportIds ids = ExportIds.plan(pg, null, "task_logs", null);
        return copy("SELECT legacy_id, job_id, legacy_job_id, level, message, at FROM job_logs ORDER BY id",
                "INSERT INTO task_logs (id, task_id, level, message, created_at) VALUES (?, ?, ?, ?, ?)", (rs, ins) -> {
                    ins.setLong(1, ids.assignUnreferenced(Jdbc.getLong(rs, "legacy_id")));
                    setLong(ins, 2, jobs.reference(Jdbc.getLong(rs, "legacy_job_id"), Jdbc.getLong(rs, "job_id")));
                    ins.setString(3, rs.getString("level"));
                    ins.setString(4, rs.getString("message"));
                    ins.setString(5, ts(rs, "at"));
                    return true;
                });
    }

    long serpResults() throws SQLException {
        ExportIds ids = ExportIds.plan(pg, null, "serp_results", null);
        return copy("SELECT legacy_id, job_id, legacy_job_id, engine, query, region, position, url, title, snippet, created_at "
                        + "FROM serp_results ORDER BY id",
                "INSERT INTO serp_results (id, task_id, engine, query, region, position, url, title, snippet, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (rs, ins) -> {
                    ins.setLong(1, ids.assignUnreferenced(Jdbc.getLong(rs, "legacy_id")));
                    setLong(ins, 2, jobs.reference(Jdbc.getLong(rs, "legacy_job_id"), Jdbc.getLong(rs, "job_id")));
                    ins.setString(3, rs.getString("engine"));
                    ins.setString(4, rs.getString("query"));
                    ins.setString(5, rs.getString("region"));
                    setLong(ins, 6, Jdbc.getLong(rs, "position"));
                    ins.setString(7, rs.getString("url"));
                    ins.setString(8, rs.getString("title"));
                    ins.setString(9, rs.getString("snippet"));
                    ins.setString(10, ts(rs, "created_at"));
                    return true;
                });
    }

    long pages() throws SQLException {
        ExportIds ids = ExportIds.plan(pg, null, "pages", null);
        return copy("SELECT legacy_id, job_id, legacy_job_id, url, status_code, title, html_gzip, main_text, fetched_at "
                        + "FROM pages ORDER BY id",
                "INSERT INTO pages (id, task_id, url, status_code, title, html, text, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (rs, ins) -> {
                    ins.setLong(1, ids.assignUnreferenced(Jdbc.getLong(rs, "legacy_id")));
                    setLong(ins, 2, jobs.reference(Jdbc.getLong(rs, "legacy_job_id"), Jdbc.getLong(rs, "job_id")));
                    ins.setString(3, rs.getString("url"));
                    setLong(ins, 4, Jdbc.getLong(rs, "status_code"));
                    ins.setString(5, rs.getString("title"));
                    byte[] html = Gzip.decompress(rs.getBytes("html_gzip"));
                    if (html == null) {
                        ins.setNull(6, Types.BLOB);
                    } else {
                        ins.setBytes(6, html);
                    }
                    ins.setString(7, rs.getString("main_text"));
                    ins.setString(8, ts(rs, "fetched_at"));
                    return true;
                });
    }

    long analyses() throws SQLException {
        ExportIds ids = ExportIds.plan(pg, null, "analyses", null);
        return copy("SELECT legacy_id, job_id, legacy_job_id, keyword, data::text AS data, data_raw, created_at "
                        + "FROM analyses ORDER BY id",
                "INSERT INTO analyses (id, task_id, keyword, data, created_at) VALUES (?, ?, ?, ?, ?)", (rs, ins) -> {
                    ins.setLong(1, ids.assignUnreferenced(Jdbc.getLong(rs, "legacy_id")));
                    setLong(ins, 2, jobs.reference(Jdbc.getLong(rs, "legacy_job_id"), Jdbc.getLong(rs, "job_id")));
                    ins.setString(3, rs.getString("keyword"));
                    String raw = rs.getString("data_raw");
                    ins.setString(4, raw != null ? raw : rs.getString("data"));
                    ins.setString(5, ts(rs, "created_at"));
                    return true;
                });
    }

    long generations() throws SQLException {
        ExportIds ids = ExportIds.plan(pg, null, "generations", null);
        return copy("SELECT legacy_id, job_id, legacy_job_id, prompt_id, legacy_prompt_id, model, input_tokens, "
                        + "output_tokens, cost_usd, content, created_at FROM generations ORDER BY id",
                "INSERT INTO generations (id, task_id, prompt_id, model, input_tokens, output_tokens, cost_usd, content, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (rs, ins) -> {
                    ins.setLong(1, ids.assignUnreferenced(Jdbc.getLong(rs, "legacy_id")));
                    setLong(ins, 2, jobs.reference(Jdbc.getLong(rs, "legacy_job_id"), Jdbc.getLong(rs, "job_id")));
                    setLong(ins, 3, prompts.reference(Jdbc.getLong(rs, "legacy_prompt_id"), Jdbc.getLong(rs, "prompt_id")));
                    ins.setString(4, rs.getString("model"));
                    setLong(ins, 5, Jdbc.getLong(rs, "input_tokens"));
                    setLong(ins, 6, Jdbc.getLong(rs, "output_tokens"));
                    setReal(ins, 7, rs.getBigDecimal("cost_usd"));
                    ins.setString(8, rs.getString("content"));
                    ins.setString(9, ts(rs, "created_at"));
                    return true;
                });
    }

    private long copy(String select, String insert, RowMapper mapper, String... params) throws SQLException {
        long n = 0;
        try (PreparedStatement q = pg.prepareStatement(select); PreparedStatement ins = sqlite.prepareStatement(insert)) {
            for (int i = 0; i < params.length; i++) {
                q.setString(i + 1, params[i]);
            }
            q.setFetchSize(1000);
            int pending = 0;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (!mapper.map(rs, ins)) {
                        continue;
                    }
                    ins.addBatch();
                    n++;
                    if (++pending == BATCH) {
                        ins.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                ins.executeBatch();
            }
        }
        return n;
    }

    private static String ts(ResultSet rs, String column) throws SQLException {
        return LegacyTimestamps.toLegacy(Jdbc.getInstant(rs, column));
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }

    private static void setReal(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.REAL);
        } else {
            ps.setDouble(i, v.doubleValue());
        }
    }
}
