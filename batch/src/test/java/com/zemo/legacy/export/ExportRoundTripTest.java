package com.zemo.legacy.export;

import com.zemo.legacy.importer.ChunkListener;
import com.zemo.legacy.importer.ImportOptions;
import com.zemo.legacy.importer.LegacyImporter;
import com.zemo.legacy.mapping.LegacyStatuses;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.SourceChecksums;
import com.zemo.legacy.source.LegacySource;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;
import com.zemo.legacy.support.LegacyFixture;
import com.zemo.legacy.support.Sql;
import com.zemo.legacy.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.zemo.legacy.support.LegacyFixture.AS_OF;
import static com.zemo.legacy.support.LegacyFixture.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * legacy → import → (Zemo writes after the cut-over) → export → compare. Every imported legacy row comes
 * back under its own id and converts to the same checksum as the original did: equal up to the documented
 * normalisations (canonical timestamp, boolean, status and role spellings, JSON as jsonb prints it).
 */
class ExportRoundTripTest {
    @TempDir
    static Path dir;
    static Path original;
    static Path exported;
    static DataSource ds;
    static ExportResult result;
    static final MappingRules RULES = new MappingRules(AS_OF, LegacyStatuses.DEFAULT_STALE_AFTER);

    @BeforeAll
    static void roundTrip() throws Exception {
        original = LegacyFixture.copy(dir);
        ds = TestDatabases.fresh();
        new LegacyImporter(ds, original, ImportOptions.full(SECRET_KEY).withChunkSize(50)).run(AS_OF, ChunkListener.NONE);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            // Written in Zemo after the cut-over: a user, a secret, a prompt, a job with a log, and a generation.
            st.execute("INSERT INTO users (username, email, password_hash) VALUES ('newcomer@zemo.test', 'newcomer@zemo.test', '$2a$10$abcdefghijklmnopqrstuuJ3z1Qf9l8qk7o1n3Y1gkZ5dM6bE0Wq')");
            st.execute("INSERT INTO user_roles SELECT id, 'operator' FROM users WHERE username = 'newcomer@zemo.test'");
            st.execute("INSERT INTO settings (user_id, key, secret, value_enc, value_hint) SELECT id, 'openai_api_key', true, "
                    + "pgp_sym_encrypt('sk-zemo-born-key-000000000000000000000000000000', '" + SECRET_KEY + "'), 'sk-…0000' "
                    + "FROM users WHERE username = 'newcomer@zemo.test'");
            st.execute("INSERT INTO prompts (owner_id, title) SELECT id, 'Zemo prompt' FROM users WHERE username = 'newcomer@zemo.test'");
            st.execute("INSERT INTO prompt_versions (prompt_id, version, body) SELECT id, 1, 'Body {{keyword}}' FROM prompts WHERE title = 'Zemo prompt'");
            st.execute("INSERT INTO jobs (type, owner_id, status, params, progress_done, progress_total) SELECT 'serp', id, 'completed', "
                    + "'{\"keyword\": \"zemo\"}', 5, 10 FROM users WHERE username = 'newcomer@zemo.test'");
            st.execute("INSERT INTO job_logs (job_id, level, message) SELECT id, 'info', 'done in Zemo' FROM jobs WHERE legacy_id IS NULL");
            st.execute("INSERT INTO generations (job_id, prompt_id, model, cost_usd, content) SELECT j.id, p.id, 'gpt-4o', 0.5, 'x' "
                    + "FROM jobs j, prompts p WHERE j.legacy_id IS NULL AND p.title = 'Zemo prompt'");
        }
        exported = dir.resolve("exported.sqlite");
        result = new LegacyExporter(ds, SECRET_KEY).export(exported);
    }

    @Test
    void schemaIsTheMonolithsWithVersion7() throws Exception {
        assertThat(schema(exported)).isEqualTo(schema(original));
        try (LegacySource s = LegacySource.open(exported)) {
            assertThat(s.schemaVersion()).isEqualTo("7");
        }
        assertThatThrownBy(() -> new LegacyExporter(ds, SECRET_KEY).export(exported)).hasMessageContaining("refusing to overwrite");
    }

    @Test
    void everyImportedLegacyRowComesBackEqualUnderTheDocumentedNormalisations() throws Exception {
        for (LegacyTable table : LegacyTable.values()) {
            Map<Long, String> before = checksums(original, table);
            Map<Long, String> after = checksums(exported, table);
            Map<Long, String> outcomes = new HashMap<>();
            for (Object[] r : Sql.rows(ds, "SELECT legacy_id, outcome FROM legacy_id_map WHERE table_name = ?", table.tableName())) {
                outcomes.put((Long) r[0], (String) r[1]);
            }
            List<Long> expectedBack = new ArrayList<>();
            for (Long id : before.keySet()) {
                String outcome = outcomes.get(id);
                boolean comesBack = "imported".equals(outcome) || ("merged".equals(outcome) && table == LegacyTable.USERS);
                if (comesBack) {
                    expectedBack.add(id);
                    assertThat(after.get(id)).as(table + " #" + id).isEqualTo(before.get(id));
                } else {
                    // Documented: quarantined rows stay in the quarantine, superseded settings are not the live value.
                    assertThat(after).as(table + " #" + id + " (" + outcome + ")").doesNotContainKey(id);
                }
            }
            long zemoBorn = after.keySet().stream().filter(id -> !before.containsKey(id)).count();
            assertThat(after.size() - zemoBorn).as(table.tableName()).isEqualTo(expectedBack.size());
        }
        assertThat(result.rowsPerTable()).containsKeys("users", "tasks", "pages");
    }

    @Test
    void secretsHashesAndBytesComeBackExactly() throws Exception {
        assertThat(legacy(exported, "SELECT value FROM settings WHERE id = 1001"))
                .isEqualTo("sk-0123456789abcdef0123456789abcdef0123456789abcdef");
        assertThat(legacy(exported, "SELECT password_hash FROM users WHERE id = " + LegacyFixture.PHP_USER_ID))
                .isEqualTo(legacy(original, "SELECT password_hash FROM users WHERE id = " + LegacyFixture.PHP_USER_ID));
        assertThat(legacy(exported, "SELECT hex(html) FROM pages WHERE id = 7001"))
                .isEqualTo(legacy(original, "SELECT hex(html) FROM pages WHERE id = 7001"));
        assertThat(legacy(exported, "SELECT email FROM users WHERE id = 101")).isEqualTo(" USER3@EXAMPLE.RU");
        assertThat(legacy(exported, "SELECT status FROM tasks WHERE id = 301")).isEqualTo("error");
        assertThat(legacy(exported, "SELECT status FROM tasks WHERE id = 1")).isIn("done", "error", "canceled");
        assertThat(legacy(exported, "SELECT created_at FROM users WHERE id = 2")).isEqualTo("2021-09-01 18:42:00");
        assertThat(legacy(exported, "SELECT user_id FROM settings WHERE id = 1002")).isEqualTo("104");
    }

    @Test
    void rowsCreatedInZemoAfterTheCutOverAreExportedWithFreshIds() throws Exception {
        String userId = legacy(exported, "SELECT id FROM users WHERE email = 'newcomer@zemo.test'");
        assertThat(Long.parseLong(userId)).isGreaterThan(LegacyFixture.PHP_USER_ID);
        assertThat(legacy(exported, "SELECT role FROM users WHERE id = " + userId)).isEqualTo("user");
        assertThat(legacy(exported, "SELECT value FROM settings WHERE user_id = " + userId)).startsWith("sk-zemo-born");
        String taskId = legacy(exported, "SELECT id FROM tasks WHERE user_id = " + userId);
        assertThat(legacy(exported, "SELECT progress || ' ' || status || ' ' || keyword FROM tasks WHERE id = " + taskId)).isEqualTo("50 done zemo");
        assertThat(legacy(exported, "SELECT message FROM task_logs WHERE task_id = " + taskId)).isEqualTo("done in Zemo");
        String promptId = legacy(exported, "SELECT id FROM prompts WHERE title = 'Zemo prompt'");
        assertThat(legacy(exported, "SELECT prompt_id FROM generations WHERE task_id = " + taskId)).isEqualTo(promptId);
    }

    private static Map<Long, String> checksums(Path file, LegacyTable table) throws Exception {
        Map<Long, String> out = new HashMap<>();
        try (LegacySource s = LegacySource.open(file)) {
            long last = 0;
            List<SourceRow> rows;
            while (!(rows = s.readChunk(table, last, 500)).isEmpty()) {
                for (SourceRow r : rows) {
                    out.put(r.id(), SourceChecksums.of(r, RULES).checksum());
                }
                last = rows.get(rows.size() - 1).id();
            }
        }
        return out;
    }

    private static String legacy(Path file, String sql) throws Exception {
        try (Connection c = LegacyFixture.open(file); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    private static List<String> schema(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = LegacyFixture.open(file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return out;
    }
}
