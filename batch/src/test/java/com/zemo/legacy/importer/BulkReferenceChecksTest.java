package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.LegacyStatuses;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.report.Reconciler;
import com.zemo.legacy.report.ReconciliationReport;
import com.zemo.legacy.support.LegacyFixture;
import com.zemo.legacy.support.Sql;
import com.zemo.legacy.support.TargetState;
import com.zemo.legacy.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static com.zemo.legacy.support.LegacyFixture.AS_OF;
import static com.zemo.legacy.support.LegacyFixture.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Foreign keys checked per chunk (session_replication_role = replica in the chunk's transaction) guard what
 * PostgreSQL's per-row triggers guard, and an import by a role that may not skip the triggers runs with them
 * and ends in the same state.
 */
class BulkReferenceChecksTest {
    private static final List<String> TASK_LOG_COLUMNS = new TaskLogsImport().columns();
    static DataSource ds;

    @BeforeAll
    static void database() throws Exception {
        ds = TestDatabases.fresh();
    }

    @Test
    void everyTableTheBigChunksWriteIsCheckableInTheSchemaAsMigrated() throws Exception {
        try (Connection c = ds.getConnection()) {
            for (SinkTableImport<?> imp : List.of(new TasksImport(), new TaskLogsImport(), new SerpResultsImport(),
                    new PagesImport(), new AnalysesImport(), new GenerationsImport())) {
                TableKeys keys = TableKeys.read(c, imp.targetTable(), imp.columns(), true, false);
                assertThat(keys.whyNot()).as(imp.targetTable()).isNull();
                assertThat(keys.outgoing()).as(imp.targetTable()).isNotEmpty();
            }
            assertThat(TableKeys.read(c, IdMap.TABLE, IdMap.COLUMNS, true, false).checkable()).isTrue();
            assertThat(TableKeys.read(c, QuarantineLog.TABLE, QuarantineLog.COLUMNS, true, true).checkable()).isTrue();
        }
    }

    @Test
    void aKeyWithoutItsParentFailsTheChunkAsTheTriggerWould() throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            ChunkReferences checks = new BulkReferenceChecks().begin(c, "job_logs", TASK_LOG_COLUMNS);
            assertThat(checks).isNotNull();
            assertThat(setting(c)).isEqualTo("replica");
            Object[] row = taskLog(c, 987_654_321L);
            checks.target(row);
            assertThatThrownBy(() -> checks.verify(c)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("violates foreign key constraint").hasMessageContaining("987654321")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23503"));
            c.rollback();
            assertThat(setting(c)).as("SET LOCAL ends with the transaction").isEqualTo("origin");
        }
    }

    @Test
    void theParentRowsAreLockedUntilTheChunkCommits() throws Exception {
        long job = Sql.count(ds, "INSERT INTO jobs (type, status) VALUES ('analysis', 'completed') RETURNING id");
        try (Connection c = ds.getConnection(); Connection other = ds.getConnection()) {
            c.setAutoCommit(false);
            ChunkReferences checks = new BulkReferenceChecks().begin(c, "job_logs", TASK_LOG_COLUMNS);
            checks.target(taskLog(c, job));
            checks.verify(c);
            try (Statement st = other.createStatement()) {
                st.execute("SET lock_timeout = '200ms'");
                assertThatThrownBy(() -> st.execute("DELETE FROM jobs WHERE id = " + job))
                        .hasMessageContaining("lock timeout");
            }
            c.commit();
        }
        assertThat(Sql.count(ds, "SELECT count(*) FROM job_logs WHERE job_id = ?", job)).isEqualTo(1);
    }

    @Test
    void aRoleGrantedTheParameterChecksPerChunkToo() throws Exception {
        DataSource granted = TestDatabases.asRole(ds, "legacy_importer_granted");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("GRANT SET ON PARAMETER session_replication_role TO legacy_importer_granted");
        }
        try (Connection c = granted.getConnection()) {
            c.setAutoCommit(false);
            assertThat(new BulkReferenceChecks().begin(c, "job_logs", TASK_LOG_COLUMNS)).isNotNull();
            c.rollback();
        }
    }

    @Test
    void aRoleThatMayNotSkipTheTriggersImportsWithThemToTheSameState(@TempDir Path dir) throws Exception {
        Path file = LegacyFixture.copy(dir);
        ImportOptions options = ImportOptions.full(SECRET_KEY).withChunkSize(40);
        DataSource bulk = TestDatabases.fresh();
        new LegacyImporter(bulk, file, options).run(AS_OF, ChunkListener.NONE);

        DataSource plainDb = TestDatabases.fresh();
        DataSource plain = TestDatabases.asRole(plainDb, "legacy_importer_plain");
        List<String> said = new java.util.ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                said.add(String.valueOf(r.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(BulkReferenceChecks.class.getName());
        log.addHandler(h);
        ImportResult result;
        try {
            result = new LegacyImporter(plain, file, options).run(AS_OF, ChunkListener.NONE);
        } finally {
            log.removeHandler(h);
        }
        assertThat(said).anyMatch(m -> m.contains("may not set session_replication_role"));
        ReconciliationReport report = new Reconciler(plain, file, SECRET_KEY, new MappingRules(AS_OF, LegacyStatuses.DEFAULT_STALE_AFTER))
                .reconcile(result.runId());
        assertThat(report.balanced()).as(report.toJson()).isTrue();
        assertThat(TargetState.of(plainDb)).isEqualTo(TargetState.of(bulk));
    }

    /** Inserts a job_logs row pointing at {@code jobId} as the COPY would, and returns its values. */
    private static Object[] taskLog(Connection c, long jobId) throws SQLException {
        Object[] row = new Object[TASK_LOG_COLUMNS.size()];
        row[TASK_LOG_COLUMNS.indexOf("job_id")] = jobId;
        try (var ps = c.prepareStatement("INSERT INTO job_logs (job_id, level, message) VALUES (?, 'info', 'x')")) {
            ps.setLong(1, jobId);
            ps.executeUpdate();
        }
        return row;
    }

    private static String setting(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SHOW session_replication_role")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
