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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.zemo.legacy.support.LegacyFixture.AS_OF;
import static com.zemo.legacy.support.LegacyFixture.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import runs in its own JVM, which is killed with SIGKILL in the middle of a table; a new process
 * resumes from the checkpoint in the database. The end state equals an uninterrupted import's.
 */
class KillAndResumeTest {
    @TempDir
    Path dir;

    @Test
    void sigkillMidImportThenResumeEqualsAnUninterruptedRun() throws Exception {
        Path file = LegacyFixture.copy(dir);
        DataSource reference = TestDatabases.fresh();
        new LegacyImporter(reference, file, ImportOptions.full(SECRET_KEY).withChunkSize(5)).run(AS_OF, ChunkListener.NONE);

        DataSource killed = TestDatabases.fresh();
        String url = (String) Sql.one(killed, "SELECT 'jdbc:postgresql://localhost:' || current_setting('port') || '/' || current_database()");
        Process child = importProcess(file, url, "import", "--as-of", AS_OF.toString());
        long runId = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            List<Object[]> runs = Sql.rows(killed, "SELECT id, checkpoint_table FROM legacy_import_runs");
            if (!runs.isEmpty() && "task_logs".equals(runs.get(0)[1])) {
                runId = (Long) runs.get(0)[0];
                break;
            }
            Thread.sleep(5);
        }
        assertThat(child.isAlive()).as(() -> "the import must still run when it is killed; its log:\n" + log("import")).isTrue();
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback from our side
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Sql.one(killed, "SELECT status FROM legacy_import_runs WHERE id = ?", runId)).isEqualTo("running");
        long before = Sql.count(killed, "SELECT count(*) FROM legacy_id_map");
        assertThat(before).isPositive().isLessThan(Sql.count(reference, "SELECT count(*) FROM legacy_id_map"));

        Process resumed = importProcess(file, url, "resume", "--run", String.valueOf(runId));
        assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(resumed.exitValue()).as(() -> log("resume")).isZero();

        assertThat(TargetState.of(killed)).isEqualTo(TargetState.of(reference));
        ReconciliationReport report = new Reconciler(killed, file, SECRET_KEY, new MappingRules(AS_OF, LegacyStatuses.DEFAULT_STALE_AFTER))
                .reconcile(runId);
        assertThat(report.balanced()).as(report.summary()).isTrue();
        assertThat(Sql.one(killed, "SELECT status FROM legacy_import_runs WHERE id = ?", runId)).isEqualTo("completed");
    }

    private String log(String command) {
        try {
            return java.nio.file.Files.readString(dir.resolve(command + ".log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private Process importProcess(Path file, String url, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.zemo.legacy.cli.LegacyCommand"));
        cmd.add(command[0]);
        cmd.addAll(List.of("--source", file.toString(), "--jdbc", url, "--chunk", "5", "--no-migrate"));
        cmd.addAll(List.of(command).subList(1, command.length));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(command[0] + ".log").toFile());
        pb.environment().put("ZEMO_SECRETS_KEY", SECRET_KEY);
        return pb.start();
    }
}
