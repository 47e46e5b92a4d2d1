package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.LegacyStatuses;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.report.Reconciler;
import com.zemo.legacy.report.ReconciliationReport;
import com.zemo.legacy.support.LegacyFixture;
import com.zemo.legacy.support.Sql;
import com.zemo.legacy.support.TargetState;
import com.zemo.legacy.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import static com.zemo.legacy.support.LegacyFixture.AS_OF;
import static com.zemo.legacy.support.LegacyFixture.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The monolith keeps writing until cut-over: a newer copy of its file is synced, new and changed rows only. */
class DeltaSyncTest {
    @TempDir
    Path dir;

    @Test
    void dryRunThenDeltaAppliesOnlyNewAndChangedRowsIdempotently() throws Exception {
        Path v1 = LegacyFixture.copy(dir);
        DataSource ds = TestDatabases.fresh();
        ImportOptions full = ImportOptions.full(SECRET_KEY).withChunkSize(30);
        new LegacyImporter(ds, v1, full).run(AS_OF, ChunkListener.NONE);

        Path v2 = dir.resolve("newer.sqlite");
        Files.copy(v1, v2);
        try (Connection c = LegacyFixture.open(v2)) {
            LegacyFixture.execScript(c, """
                    INSERT INTO users (id,email,name,password_hash,role,is_active,created_at) VALUES (120,'new@example.ru','New',NULL,'viewer',1,'2024-10-02 08:00:00');
                    INSERT INTO users (id,email,name,password_hash,role,is_active,created_at) VALUES (121,' NEW@example.ru ','New again',NULL,'user',1,'2024-10-02 09:00:00');
                    INSERT INTO tasks (id,user_id,type,status,keyword,params,result,progress,created_at) VALUES (400,120,'serp','done','новый','{"keyword":"новый"}','{"ok":true}',100,'2024-10-02 08:30:00');
                    INSERT INTO task_logs (id,task_id,level,message,created_at) VALUES (6000,400,'info','Готово','2024-10-02 08:31:00');
                    UPDATE tasks SET status = 'done', progress = 100, finished_at = '2024-10-01 23:59:00' WHERE id = 303;
                    UPDATE settings SET value = 'sk-ffffffffffffffffffffffffffffffffffffffffffffffff', updated_at = '2024-10-02 10:00:00' WHERE id = 1001;
                    DELETE FROM task_logs WHERE id = 5001;
                    """);
        }
        ImportOptions delta = full.asDelta(false);
        Map<String, Object> before = TargetState.of(ds);

        ImportResult dry = new LegacyImporter(ds, v2, full.asDelta(true)).run(AS_OF, ChunkListener.NONE);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.runId()).isZero();
        assertThat(TargetState.of(ds)).as("a dry run writes nothing").isEqualTo(before);
        assertThat(count(dry, "users", true)).isEqualTo(2);
        assertThat(count(dry, "tasks", true)).isEqualTo(1);
        assertThat(count(dry, "tasks", false)).isEqualTo(1);
        assertThat(count(dry, "settings", false)).isEqualTo(1);
        assertThat(count(dry, "task_logs", true)).isEqualTo(1);
        assertThat(dry.progress().changesTotal()).isEqualTo(6);

        ImportResult applied = new LegacyImporter(ds, v2, delta).run(AS_OF, ChunkListener.NONE);
        assertThat(applied.progress().changesTotal()).isEqualTo(dry.progress().changesTotal());
        for (int i = 0; i < dry.progress().tables().size(); i++) {
            assertThat(applied.progress().tables().get(i).toString().replaceAll(", merged=.*", ""))
                    .isEqualTo(dry.progress().tables().get(i).toString().replaceAll(", merged=.*", ""));
        }
        assertThat(Sql.one(ds, "SELECT status FROM jobs WHERE legacy_id = 303")).isEqualTo("completed");
        assertThat(Sql.one(ds, "SELECT pgp_sym_decrypt(value_enc, ?) FROM settings WHERE legacy_id = 1001", SECRET_KEY))
                .asString().startsWith("sk-ffff");
        long newUser = (Long) Sql.one(ds, "SELECT id FROM users WHERE legacy_id = 120");
        assertThat(Sql.one(ds, "SELECT new_id FROM legacy_id_map WHERE table_name = 'users' AND legacy_id = 121")).isEqualTo(newUser);
        assertThat(Sql.one(ds, "SELECT owner_id FROM jobs WHERE legacy_id = 400")).isEqualTo(newUser);
        // Rows deleted in the monolith are not deleted in Zemo: the report shows them as gone from the source.
        assertThat(Sql.count(ds, "SELECT count(*) FROM job_logs WHERE legacy_id = 5001")).isEqualTo(1);

        ReconciliationReport report = new Reconciler(ds, v2, SECRET_KEY, new MappingRules(AS_OF, LegacyStatuses.DEFAULT_STALE_AFTER))
                .reconcile(applied.runId());
        assertThat(report.balanced()).as(report.toJson()).isTrue();
        assertThat(report.tables().stream().filter(t -> t.table().equals("task_logs")).findFirst().orElseThrow().goneFromSource())
                .isEqualTo(1);

        Map<String, Object> afterDelta = TargetState.of(ds);
        ImportResult again = new LegacyImporter(ds, v2, delta).run(AS_OF, ChunkListener.NONE);
        assertThat(again.progress().changesTotal()).as("a second delta of the same file changes nothing").isZero();
        Map<String, Object> afterAgain = TargetState.of(ds);
        afterAgain.remove("id map");
        afterDelta.remove("id map");
        assertThat(afterAgain).isEqualTo(afterDelta);
    }

    private static long count(ImportResult r, String table, boolean isNew) {
        TableCounts t = r.progress().tables().stream().filter(x -> x.table().equals(table)).findFirst().orElseThrow();
        return isNew ? t.inserted() : t.updated();
    }
}
