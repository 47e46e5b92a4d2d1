package com.zemo.legacy.report;

import com.zemo.legacy.importer.Jdbc;
import com.zemo.legacy.mapping.AnalysisRow;
import com.zemo.legacy.mapping.CanonicalJson;
import com.zemo.legacy.mapping.GenerationRow;
import com.zemo.legacy.mapping.Gzip;
import com.zemo.legacy.mapping.PageRow;
import com.zemo.legacy.mapping.PromptRow;
import com.zemo.legacy.mapping.SerpResultRow;
import com.zemo.legacy.mapping.SettingRow;
import com.zemo.legacy.mapping.TaskLogRow;
import com.zemo.legacy.mapping.TaskRow;
import com.zemo.legacy.mapping.UserRow;
import com.zemo.legacy.mapping.Utf8Text;
import com.zemo.legacy.source.LegacyTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the converted form of legacy rows from what PostgreSQL holds now (secrets decrypted, HTML
 * un-gzipped, jsonb read back) and returns their checksums by legacy id: the report compares them with the
 * checksums of the source rows, so any loss or drift between source and target shows.
 */
final class TargetRows {
    private static final List<Object> NO_FLAGS = List.of();

    private TargetRows() {
    }

    static Map<Long, String> checksums(Connection c, LegacyTable table, long from, long to, String secretKey) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        String sql = sql(table);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            if (table == LegacyTable.SETTINGS) {
                ps.setString(p++, secretKey);
            }
            ps.setLong(p++, from);
            ps.setLong(p++, to);
            if (table == LegacyTable.USERS || table == LegacyTable.SETTINGS) {
                if (table == LegacyTable.SETTINGS) {
                    ps.setString(p++, secretKey);
                }
                ps.setLong(p++, from);
                ps.setLong(p, to);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong("legacy_id"), checksum(table, rs));
                }
            }
        }
        return out;
    }

    private static String sql(LegacyTable table) {
        return switch (table) {
            case USERS -> "SELECT u.legacy_id, u.email, u.legacy_email, u.display_name, u.password_hash, "
                    + "(SELECT min(r.role) FROM user_roles r WHERE r.user_id = u.id) AS role, u.active, u.created_at, "
                    + "u.last_login_at FROM users u WHERE u.legacy_id BETWEEN ? AND ? UNION ALL "
                    + "SELECT legacy_id, email, legacy_email, display_name, password_hash, role, active, created_at, "
                    + "last_login_at FROM legacy_user_aliases WHERE legacy_id BETWEEN ? AND ?";
            case SETTINGS -> "SELECT legacy_id, legacy_user_id, key, secret, CASE WHEN secret AND value_enc IS NOT NULL "
                    + "THEN pgp_sym_decrypt(value_enc, CAST(? AS text)) ELSE value_text END AS value, updated_at "
                    + "FROM settings WHERE legacy_id BETWEEN ? AND ? UNION ALL "
                    + "SELECT legacy_id, legacy_user_id, key, secret, CASE WHEN secret AND value_enc IS NOT NULL "
                    + "THEN pgp_sym_decrypt(value_enc, CAST(? AS text)) ELSE value_text END, updated_at "
                    + "FROM legacy_orphan_settings WHERE legacy_id BETWEEN ? AND ?";
            case PROMPTS -> "SELECT p.legacy_id, p.legacy_owner_id, p.title, v.body, v.model, v.temperature, v.max_tokens, "
                    + "p.shared, p.created_at, p.updated_at, p.deleted_at FROM prompts p "
                    + "JOIN prompt_versions v ON v.prompt_id = p.id AND v.version = 1 WHERE p.legacy_id BETWEEN ? AND ?";
            case TASKS -> "SELECT legacy_id, legacy_owner_id, legacy_parent_id, type, status, keyword, params::text AS params, "
                    + "params_raw, result::text AS result, error, progress_done, progress_total, created_at, started_at, "
                    + "finished_at FROM jobs WHERE legacy_id BETWEEN ? AND ?";
            case TASK_LOGS -> "SELECT legacy_id, legacy_job_id, level, message, at FROM job_logs WHERE legacy_id BETWEEN ? AND ?";
            case SERP_RESULTS -> "SELECT legacy_id, legacy_job_id, engine, query, region, position, url, title, snippet, "
                    + "created_at FROM serp_results WHERE legacy_id BETWEEN ? AND ?";
            case PAGES -> "SELECT legacy_id, legacy_job_id, url, status_code, title, html_gzip, charset, main_text, fetched_at "
                    + "FROM pages WHERE legacy_id BETWEEN ? AND ?";
            case ANALYSES -> "SELECT legacy_id, legacy_job_id, keyword, data::text AS data, data_raw, created_at "
                    + "FROM analyses WHERE legacy_id BETWEEN ? AND ?";
            case GENERATIONS -> "SELECT legacy_id, legacy_job_id, legacy_prompt_id, model, input_tokens, output_tokens, "
                    + "cost_usd, content, created_at FROM generations WHERE legacy_id BETWEEN ? AND ?";
        };
    }

    private static Utf8Text utf8(byte[] text) {
        return text == null ? null : new Utf8Text(text);
    }

    @SuppressWarnings("unchecked")
    private static String checksum(LegacyTable table, ResultSet rs) throws SQLException {
        long id = rs.getLong("legacy_id");
        List flags = NO_FLAGS;
        return switch (table) {
            case USERS -> new UserRow(id, rs.getString("email"), rs.getString("legacy_email"), rs.getString("display_name"),
                    rs.getString("password_hash"), rs.getString("role"), rs.getBoolean("active"),
                    Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "last_login_at"), flags).checksum();
            case SETTINGS -> new SettingRow(id, Jdbc.getLong(rs, "legacy_user_id"), rs.getString("key"), rs.getString("value"),
                    rs.getBoolean("secret"), Jdbc.getInstant(rs, "updated_at"), flags).checksum();
            case PROMPTS -> new PromptRow(id, Jdbc.getLong(rs, "legacy_owner_id"), rs.getString("title"), rs.getString("body"),
                    rs.getString("model"), rs.getBigDecimal("temperature"), Jdbc.getLong(rs, "max_tokens"),
                    rs.getBoolean("shared"), Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"),
                    Jdbc.getInstant(rs, "deleted_at"), flags).checksum();
            case TASKS -> new TaskRow(id, Jdbc.getLong(rs, "legacy_owner_id"), Jdbc.getLong(rs, "legacy_parent_id"),
                    rs.getString("type"), rs.getString("status"), rs.getString("keyword"), null, rs.getString("params_raw"),
                    CanonicalJson.canonicalOrNull(rs.getString("params")), null,
                    CanonicalJson.canonicalOrNull(rs.getString("result")), rs.getString("error"), rs.getLong("progress_done"),
                    Jdbc.getLong(rs, "progress_total"), Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "started_at"),
                    Jdbc.getInstant(rs, "finished_at"), flags).checksum();
            case TASK_LOGS -> new TaskLogRow(id, Jdbc.getLong(rs, "legacy_job_id"), rs.getString("level"),
                    rs.getString("message"), Jdbc.getInstant(rs, "at"), flags).checksum();
            case SERP_RESULTS -> new SerpResultRow(id, Jdbc.getLong(rs, "legacy_job_id"), rs.getString("engine"),
                    rs.getString("query"), rs.getString("region"), Jdbc.getLong(rs, "position"), rs.getString("url"),
                    rs.getString("title"), rs.getString("snippet"), Jdbc.getInstant(rs, "created_at"), flags).checksum();
            // main_text as the UTF-8 bytes PostgreSQL sent: no decoding to a String only to encode it again for the digest
            case PAGES -> PageRow.checksum(Jdbc.getLong(rs, "legacy_job_id"), rs.getString("url"), Jdbc.getLong(rs, "status_code"),
                    rs.getString("title"), Gzip.decompress(rs.getBytes("html_gzip")), rs.getString("charset"),
                    utf8(rs.getBytes("main_text")), Jdbc.getInstant(rs, "fetched_at"));
            case ANALYSES -> new AnalysisRow(id, Jdbc.getLong(rs, "legacy_job_id"), rs.getString("keyword"), null,
                    rs.getString("data_raw"), CanonicalJson.canonicalOrNull(rs.getString("data")),
                    Jdbc.getInstant(rs, "created_at"), flags).checksum();
            case GENERATIONS -> new GenerationRow(id, Jdbc.getLong(rs, "legacy_job_id"), Jdbc.getLong(rs, "legacy_prompt_id"),
                    rs.getString("model"), Jdbc.getLong(rs, "input_tokens"), Jdbc.getLong(rs, "output_tokens"),
                    rs.getBigDecimal("cost_usd"), rs.getString("content"), Jdbc.getInstant(rs, "created_at"), flags).checksum();
        };
    }
}
