package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.LegacyStatuses;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.report.Reconciler;
import com.zemo.legacy.report.ReconciliationReport;
import com.zemo.legacy.report.TableReconciliation;
import com.zemo.legacy.support.LegacyFixture;
import com.zemo.legacy.support.TargetState;
import com.zemo.legacy.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.zemo.legacy.support.LegacyFixture.AS_OF;
import static com.zemo.legacy.support.LegacyFixture.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An import that dies after K committed chunks and is resumed ends in the same state as an uninterrupted one
 * into a fresh database: same row counts, same id map (checksums and outcomes), same quarantine entries, same
 * report checksums.
 */
class CrashResumeTest {
    private static final int CHUNK = 25;

    @TempDir
    Path dir;

    @Test
    void resumeFromTheCommittedCheckpointEqualsAnUninterruptedRun() throws Exception {
        Path file = LegacyFixture.copy(dir);
        DataSource reference = TestDatabases.fresh();
        ImportOptions options = ImportOptions.full(SECRET_KEY).withChunkSize(CHUNK);
        ImportResult whole = new LegacyImporter(reference, file, options).run(AS_OF, ChunkListener.NONE);
        assertThat(whole.progress().chunks()).isGreaterThan(12);

        DataSource crashed = TestDatabases.fresh();
        List<ImportCheckpoint> seen = new ArrayList<>();
        LegacyImporter first = new LegacyImporter(crashed, file, options);
        ImportCheckpoint start = first.begin(AS_OF);
        assertThatThrownBy(() -> first.resume(start, (cp, progress) -> {
            seen.add(cp);
            if (seen.size() == 9) { // in the middle of task_logs with this fixture and chunk size
                throw new IllegalStateException("simulated crash after chunk 9");
            }
        })).hasMessageContaining("simulated crash");

        ImportCheckpoint committed = LegacyImporter.committedCheckpoint(crashed, start.runId());
        assertThat(committed).isEqualTo(seen.get(8));
        // A fresh importer, as after a restart: nothing in memory survives, all comes from the database.
        ImportResult resumed = new LegacyImporter(crashed, file, options).resume(committed, ChunkListener.NONE);
        assertThat(resumed.sourceChecksums().complete()).as("a resumed run did not read the whole file").isFalse();

        assertSameState(reference, crashed, file, whole.runId(), start.runId());
    }

    @Test
    void resumeFromAnOlderCheckpointThanTheLastCommitIsHarmless() throws Exception {
        Path file = LegacyFixture.copy(dir);
        DataSource reference = TestDatabases.fresh();
        ImportOptions options = ImportOptions.full(SECRET_KEY).withChunkSize(CHUNK);
        ImportResult whole = new LegacyImporter(reference, file, options).run(AS_OF, ChunkListener.NONE);

        DataSource crashed = TestDatabases.fresh();
        List<ImportCheckpoint> seen = new ArrayList<>();
        LegacyImporter first = new LegacyImporter(crashed, file, options);
        ImportCheckpoint start = first.begin(AS_OF);
        assertThatThrownBy(() -> first.resume(start, (cp, progress) -> {
            seen.add(cp);
            if (seen.size() == 14) {
                throw new IllegalStateException("simulated crash after chunk 14");
            }
        })).isInstanceOf(IllegalStateException.class);
        // The batch runtime's own checkpoint may lag behind the database: resume from three chunks back.
        ImportResult resumed = new LegacyImporter(crashed, file, options).resume(seen.get(10), ChunkListener.NONE);
        long unchanged = resumed.progress().tables().stream().mapToLong(TableCounts::unchanged).sum();
        // At least the three chunks between the two checkpoints; more when tables written side by side had
        // committed beyond the checkpoint.
        assertThat(unchanged).isGreaterThanOrEqualTo(3L * CHUNK);

        assertSameState(reference, crashed, file, whole.runId(), start.runId());
    }

    private static void assertSameState(DataSource reference, DataSource crashed, Path file, long refRun, long crashedRun) throws Exception {
        Map<String, Object> expected = TargetState.of(reference);
        Map<String, Object> actual = TargetState.of(crashed);
        assertThat(actual).isEqualTo(expected);

        MappingRules rules = new MappingRules(AS_OF, LegacyStatuses.DEFAULT_STALE_AFTER);
        ReconciliationReport a = new Reconciler(reference, file, SECRET_KEY, rules).reconcile(refRun);
        ReconciliationReport b = new Reconciler(crashed, file, SECRET_KEY, rules).reconcile(crashedRun);
        assertThat(b.balanced()).as(b.summary()).isTrue();
        for (int i = 0; i < a.tables().size(); i++) {
            TableReconciliation x = a.tables().get(i);
            TableReconciliation y = b.tables().get(i);
            assertThat(y.targetChecksum()).as(x.table()).isEqualTo(x.targetChecksum());
            assertThat(List.of(y.source(), y.imported(), y.merged(), y.quarantined(), y.flagged()))
                    .as(x.table()).isEqualTo(List.of(x.source(), x.imported(), x.merged(), x.quarantined(), x.flagged()));
        }
    }
}
