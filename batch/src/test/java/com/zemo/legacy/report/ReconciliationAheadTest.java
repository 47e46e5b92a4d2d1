package com.zemo.legacy.report;

import com.zemo.legacy.importer.ChunkListener;
import com.zemo.legacy.importer.ImportCheckpoint;
import com.zemo.legacy.importer.ImportOptions;
import com.zemo.legacy.importer.ImportResult;
import com.zemo.legacy.importer.LegacyImporter;
import com.zemo.legacy.mapping.LegacyStatuses;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.support.LegacyFixture;
import com.zemo.legacy.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static com.zemo.legacy.support.LegacyFixture.AS_OF;
import static com.zemo.legacy.support.LegacyFixture.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tables reconciled one by one while the import writes the next ones give exactly the report of a
 * reconciliation after the import that reads the whole file again; a resumed run falls back to that.
 */
class ReconciliationAheadTest {
    @TempDir
    Path dir;

    @Test
    void tablesReconciledAsTheyFinishGiveTheReportOfAReconciliationAfterTheImport() throws Exception {
        DataSource ds = TestDatabases.fresh();
        Path file = LegacyFixture.copy(dir);
        LegacyImporter importer = new LegacyImporter(ds, file, ImportOptions.full(SECRET_KEY).withChunkSize(40));
        // Chunks of 30 rows against the import's 40: the tables after tasks are compared in many chunks while written.
        Reconciler reconciler = new Reconciler(ds, file, SECRET_KEY, new MappingRules(AS_OF, LegacyStatuses.DEFAULT_STALE_AFTER), 30);

        ReconciliationAhead ahead = new ReconciliationAhead(reconciler);
        ImportResult result = importer.run(AS_OF, ChunkListener.NONE, ahead);
        assertThat(ahead.tablesAhead()).as("every table was handed over as it finished")
                .containsExactlyInAnyOrder(LegacyTable.values());
        ahead.importCompleted(result.sourceChecksums());
        ReconciliationReport reconciledAhead = ahead.finish(result.runId());

        ReconciliationReport afterwards = new Reconciler(ds, file, SECRET_KEY, new MappingRules(AS_OF, LegacyStatuses.DEFAULT_STALE_AFTER))
                .reconcile(result.runId());
        assertThat(reconciledAhead.balanced()).as(reconciledAhead.toJson()).isTrue();
        assertThat(reconciledAhead.sourceSide()).isEqualTo("recorded by the import run from the file");
        assertThat(reconciledAhead.tables()).isEqualTo(afterwards.tables());
        assertThat(reconciledAhead.summary()).isEqualTo(afterwards.summary());
    }

    @Test
    void aResumedRunIsReconciledAfterItsImportFromTheFile() throws Exception {
        DataSource ds = TestDatabases.fresh();
        Path file = LegacyFixture.copy(dir);
        LegacyImporter importer = new LegacyImporter(ds, file, ImportOptions.full(SECRET_KEY).withChunkSize(40));
        Reconciler reconciler = new Reconciler(ds, file, SECRET_KEY, new MappingRules(AS_OF, LegacyStatuses.DEFAULT_STALE_AFTER));
        ImportCheckpoint start = importer.begin(AS_OF);
        AtomicInteger chunks = new AtomicInteger();
        try (ReconciliationAhead interrupted = new ReconciliationAhead(reconciler)) {
            assertThatThrownBy(() -> importer.resume(start, (cp, p) -> {
                if (chunks.incrementAndGet() == 12) {
                    throw new IllegalStateException("crash between chunks");
                }
            }, interrupted)).hasMessageContaining("crash");
        }

        ReconciliationAhead ahead = new ReconciliationAhead(reconciler);
        ImportResult result = importer.resume(LegacyImporter.committedCheckpoint(ds, start.runId()), ChunkListener.NONE, ahead);
        assertThat(ahead.tablesAhead()).as("a resumed run's checksums are incomplete: nothing ahead").isEmpty();
        ahead.importCompleted(result.sourceChecksums());
        ReconciliationReport report = ahead.finish(result.runId());
        assertThat(report.sourceSide()).isEqualTo("re-read from the file");
        assertThat(report.balanced()).as(report.toJson()).isTrue();
        assertThat(report.tables()).isEqualTo(reconciler.reconcile(result.runId()).tables());
    }
}
