package com.zemo.legacy.importer;

import com.zemo.identity.entity.PasswordHashing;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.LegacyStatuses;
import com.zemo.legacy.report.Reconciler;
import com.zemo.legacy.report.ReconciliationReport;
import com.zemo.legacy.report.TableReconciliation;
import com.zemo.legacy.support.LegacyFixture;
import com.zemo.legacy.support.Sql;
import com.zemo.legacy.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static com.zemo.legacy.support.LegacyFixture.AS_OF;
import static com.zemo.legacy.support.LegacyFixture.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** A full import of the generated fixture (plus its dirt supplement): everything accounted for, nothing in clear. */
class FullImportTest {
    @TempDir
    static Path dir;
    static DataSource ds;
    static Path file;
    static ImportResult result;
    static ReconciliationReport report;

    @BeforeAll
    static void importOnce() throws Exception {
        ds = TestDatabases.fresh();
        file = LegacyFixture.copy(dir);
        result = new LegacyImporter(ds, file, ImportOptions.full(SECRET_KEY).withChunkSize(40)).run(AS_OF, ChunkListener.NONE);
        report = new Reconciler(ds, file, SECRET_KEY, new MappingRules(AS_OF, LegacyStatuses.DEFAULT_STALE_AFTER))
                .reconcile(result.runId());
        Reconciler.store(ds, report);
    }

    @Test
    void reportBalancesToZeroUnaccounted() throws Exception {
        assertThat(report.summary()).startsWith("all ").contains("rows accounted for");
        assertThat(report.balanced()).as(report.toJson()).isTrue();
        assertThat(report.tables()).hasSize(9);
        for (TableReconciliation t : report.tables()) {
            assertThat(t.unaccounted()).as(t.table()).isZero();
            assertThat(t.imported() + t.merged() + t.quarantined()).as(t.table()).isEqualTo(t.source());
            assertThat(t.checksumsMatch()).as(t.table()).isTrue();
        }
        assertThat(Sql.count(ds, "SELECT count(*) FROM legacy_id_map")).isEqualTo(report.totalSource());
        assertThat(report.toJson()).contains("\"unaccounted\":0").contains("\"source\":");
        assertThat(report.toHtml()).contains("rows accounted for");
        assertThat((String) Sql.one(ds, "SELECT report->>'summary' FROM legacy_import_runs WHERE id = ?", result.runId()))
                .isEqualTo(report.summary());
    }

    @Test
    void reconciliationFromTheRunsOwnSourceChecksumsEqualsARereadOfTheFile() throws Exception {
        assertThat(result.sourceChecksums().complete()).isTrue();
        ReconciliationReport fromLog = new Reconciler(ds, file, SECRET_KEY, new MappingRules(AS_OF, LegacyStatuses.DEFAULT_STALE_AFTER))
                .reconcile(result.runId(), result.sourceChecksums());
        assertThat(fromLog.sourceSide()).startsWith("recorded");
        assertThat(report.sourceSide()).startsWith("re-read");
        assertThat(fromLog.tables()).isEqualTo(report.tables());
        assertThat(fromLog.summary()).isEqualTo(report.summary());
    }

    @Test
    void secretsAreCiphertextAndDecryptWithTheKey() throws Exception {
        for (Object[] row : Sql.rows(ds, "SELECT value_text, value_enc, value_hint, key FROM settings WHERE secret")) {
            assertThat(row[0]).isNull();
            String stored = new String((byte[]) row[1], StandardCharsets.ISO_8859_1);
            assertThat(stored).doesNotContain("sk-").doesNotContain("aaaaaaaa");
            assertThat((String) row[2]).startsWith(row[3].equals("openai_api_key") ? "sk-…" : "…");
        }
        assertThat(Sql.count(ds, "SELECT count(*) FROM settings WHERE secret")).isGreaterThan(3);
        assertThat(Sql.count(ds, "SELECT count(*) FROM settings WHERE value_text LIKE 'sk-%'")).isZero();
        assertThat(Sql.count(ds, "SELECT count(*) FROM legacy_orphan_settings WHERE value_text LIKE 'sk-%'")).isZero();
        assertThat(Sql.one(ds, "SELECT pgp_sym_decrypt(value_enc, ?) FROM settings WHERE legacy_id = 1001", SECRET_KEY))
                .isEqualTo("sk-0123456789abcdef0123456789abcdef0123456789abcdef");
        // Of the key written twice, the later updated_at is the live one; the other is merged onto it.
        assertThat(Sql.one(ds, "SELECT pgp_sym_decrypt(s.value_enc, ?) FROM settings s JOIN users u ON u.id = s.user_id "
                + "WHERE u.legacy_id = 103 AND s.key = 'serpapi_key'", SECRET_KEY)).asString().endsWith("1111");
        assertThat(Sql.one(ds, "SELECT outcome FROM legacy_id_map WHERE table_name = 'settings' AND legacy_id = 1004")).isEqualTo("merged");
    }

    @Test
    void phpBcryptHashIsStoredUnchangedAndVerifies() throws Exception {
        String hash = (String) Sql.one(ds, "SELECT password_hash FROM users WHERE legacy_id = ?", LegacyFixture.PHP_USER_ID);
        assertThat(hash).startsWith("$2y$10$");
        try (var c = LegacyFixture.open(file); var st = c.createStatement();
             var rs = st.executeQuery("SELECT password_hash FROM users WHERE id = " + LegacyFixture.PHP_USER_ID)) {
            rs.next();
            assertThat(hash).isEqualTo(rs.getString(1));
        }
        assertThat(PasswordHashing.verify(LegacyFixture.PHP_USER_PASSWORD, hash)).isTrue();
        assertThat(PasswordHashing.verify("wrong-password", hash)).isFalse();
    }

    @Test
    void duplicateAccountIsMergedWithoutLosingItsData() throws Exception {
        long primary = (Long) Sql.one(ds, "SELECT id FROM users WHERE legacy_id = 3");
        assertThat(Sql.one(ds, "SELECT new_id FROM legacy_id_map WHERE table_name = 'users' AND legacy_id = 101")).isEqualTo(primary);
        assertThat(Sql.one(ds, "SELECT outcome FROM legacy_id_map WHERE table_name = 'users' AND legacy_id = 101")).isEqualTo("merged");
        assertThat(Sql.one(ds, "SELECT legacy_email FROM legacy_user_aliases WHERE legacy_id = 101")).isEqualTo(" USER3@EXAMPLE.RU");
        assertThat(Sql.one(ds, "SELECT password_hash FROM legacy_user_aliases WHERE legacy_id = 101")).asString().startsWith("$2y$");
        assertThat(Sql.one(ds, "SELECT owner_id FROM jobs WHERE legacy_id = 305")).isEqualTo(primary);
        assertThat(Sql.one(ds, "SELECT legacy_owner_id FROM jobs WHERE legacy_id = 305")).isEqualTo(101L);
        assertThat(Sql.one(ds, "SELECT user_id FROM settings WHERE legacy_id = 1001")).isEqualTo(primary);
    }

    @Test
    void rolesEmailsAndBooleans() throws Exception {
        assertThat(Sql.one(ds, "SELECT r.role FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.legacy_id = 102")).isEqualTo("viewer");
        assertThat(Sql.one(ds, "SELECT r.role FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.legacy_id = 1")).isEqualTo("editor");
        assertThat(Sql.one(ds, "SELECT email FROM users WHERE legacy_id = 102")).isNull();
        assertThat(Sql.one(ds, "SELECT username FROM users WHERE legacy_id = 102")).isEqualTo("legacy-user-102");
        assertThat(Sql.one(ds, "SELECT active FROM users WHERE legacy_id = 102")).isEqualTo(false);
        assertThat(Sql.count(ds, "SELECT count(*) FROM legacy_quarantine WHERE table_name = 'users' AND source_id = 102 "
                + "AND kind = 'flagged' AND column_name = 'role' AND raw_value = 'manager'")).isEqualTo(1);
    }

    @Test
    void statusesOrphansAndQuarantine() throws Exception {
        assertThat(Sql.one(ds, "SELECT status FROM jobs WHERE legacy_id = 301")).isEqualTo("failed");
        assertThat(Sql.one(ds, "SELECT error FROM jobs WHERE legacy_id = 301")).asString().contains("worker died");
        assertThat(Sql.one(ds, "SELECT owner_id FROM jobs WHERE legacy_id = 301")).isNull();
        assertThat(Sql.one(ds, "SELECT legacy_owner_id FROM jobs WHERE legacy_id = 301")).isEqualTo(104L);
        assertThat(Sql.one(ds, "SELECT status FROM jobs WHERE legacy_id = 303")).isEqualTo("running");
        assertThat(Sql.one(ds, "SELECT status FROM jobs WHERE legacy_id = 304")).isEqualTo("queued");
        assertThat(Sql.one(ds, "SELECT params_raw FROM jobs WHERE legacy_id = 302")).isEqualTo("{\"keyword\": \"ок");
        assertThat(Sql.one(ds, "SELECT outcome FROM legacy_id_map WHERE table_name = 'tasks' AND legacy_id = 306")).isEqualTo("quarantined");
        assertThat(Sql.count(ds, "SELECT count(*) FROM legacy_quarantine WHERE table_name = 'tasks' AND source_id = 306 "
                + "AND kind = 'quarantined' AND column_name = 'type'")).isEqualTo(1);
        assertThat(Sql.one(ds, "SELECT legacy_job_id FROM job_logs WHERE legacy_id = 5002")).isEqualTo(77777L);
        assertThat(Sql.one(ds, "SELECT legacy_user_id FROM legacy_orphan_settings WHERE legacy_id = 1002")).isEqualTo(104L);
        assertThat(Sql.one(ds, "SELECT deleted_at IS NOT NULL FROM prompts WHERE legacy_id = 201")).isEqualTo(true);
        assertThat(Sql.one(ds, "SELECT cost_usd::text FROM generations WHERE legacy_id = 9001")).isEqualTo("0.002300");
        assertThat(Sql.one(ds, "SELECT charset FROM pages WHERE legacy_id = 7001")).isEqualTo("windows-1251");
        assertThat(Sql.one(ds, "SELECT data_raw IS NOT NULL FROM analyses WHERE legacy_id = 8001")).isEqualTo(true);
    }
}
