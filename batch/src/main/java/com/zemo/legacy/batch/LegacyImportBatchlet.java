package com.zemo.legacy.batch;

import com.zemo.jobs.batch.FencedOffException;
import com.zemo.jobs.batch.JobEvents;
import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.JobRuntime;
import com.zemo.legacy.importer.ImportCheckpoint;
import com.zemo.legacy.importer.ImportProgress;
import com.zemo.legacy.importer.ImportResult;
import com.zemo.legacy.importer.LegacyImporter;
import com.zemo.legacy.importer.TableCounts;
import com.zemo.legacy.importer.TableImportedListener;
import com.zemo.legacy.mapping.LegacyStatuses;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.report.ReconciliationAhead;
import com.zemo.legacy.report.Reconciler;
import com.zemo.legacy.source.LegacySource;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.platform.JsonText;
import com.zemo.platform.ZemoConfig;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Step "import" of the legacy-import job: the whole {@link LegacyImporter} pass (table by table in dependency
 * order, chunk transactions that carry their own checkpoint, tasks and the tables after them three at a time).
 * <p>
 * Checkpoints: the importer commits (table, last source id) in each chunk's own transaction on
 * legacy_import_runs, which is linked to the job (job_id). This batchlet mirrors it into jobs.checkpoint and
 * the job's progress (items = source rows) through {@link JobRuntime#advance}, fenced on the attempt. Every
 * execution of the job (first start, operator restart after stop or failure, take-over after a node died)
 * finds the run by job_id and resumes from the checkpoint the database holds; rows already applied are
 * skipped by checksum, so the end state equals an uninterrupted run's.
 * <p>
 * A stop request ends the pass after the chunk in flight commits (the listener throws between chunks); the
 * step ends STOPPED and a restart runs this step again, from the checkpoint.
 * <p>
 * A dry run writes nothing: it converts and compares every row and logs per table what would change; the
 * job's result says the same.
 */
@jakarta.enterprise.context.Dependent
@Named("legacyImportBatchlet")
public class LegacyImportBatchlet extends AbstractBatchlet {

    /** Carried from this step to the reconcile step of the same execution (never persisted). */
    static final String SOURCE_LOG_KEY = "legacy.sourceChecksums";

    @Inject
    LegacyMetrics legacyMetrics;

    @Inject
    @BatchProperty
    String path;

    @Inject
    @BatchProperty
    String mode;

    @Inject
    @BatchProperty
    String dryRun;

    @Inject
    @BatchProperty
    String chunk;

    @Inject
    JobContext ctx;

    @Inject
    JobRuntime runtime;

    @Inject
    JobEvents events;

    @Inject
    ZemoConfig config;

    private volatile boolean stopRequested;

    @Override
    public String process() throws Exception {
        JobRef job = JobRef.of(ctx, BatchRuntime.getJobOperator());
        LegacyJobParameters p = LegacyJobParameters.of(path, mode, dryRun, chunk);
        Path source = p.readableSource();
        DataSource ds = runtime.dataSource();
        LegacyImporter importer = new LegacyImporter(ds, source, p.options(config.secretsKey()));

        ImportCheckpoint from;
        Optional<LegacyRuns.Run> run = p.dryRun() ? Optional.empty() : LegacyRuns.ofJob(ds, job.jobId());
        if (run.isPresent() && "completed".equals(run.get().status())) {
            log(job, "INFO", "run " + run.get().id() + " imported every table already; nothing to resume");
            return "COMPLETED";
        }
        if (run.isPresent()) {
            from = LegacyImporter.committedCheckpoint(ds, run.get().id());
            log(job, "INFO", "resuming run " + from.runId() + " after " + from.table() + " #" + from.lastSourceId());
        } else {
            from = importer.begin(Instant.now());
            if (!p.dryRun()) {
                LegacyRuns.link(ds, from.runId(), job.jobId());
            }
            log(job, "INFO", (p.dryRun() ? "dry run (nothing is written) of a " : "") + p.mode() + " import of " + source
                    + (p.dryRun() ? "" : " as run " + from.runId()));
        }

        Progress progress = new Progress(job, source, from);
        // Tables are reconciled as they finish, while the next ones load; the reconcile step collects them.
        ReconciliationAhead ahead = p.dryRun() ? null : new ReconciliationAhead(new Reconciler(ds, source,
                config.secretsKey(), new MappingRules(from.asOf(), LegacyStatuses.DEFAULT_STALE_AFTER)));
        ImportResult result;
        try {
            result = importer.resume(from, progress, ahead == null ? TableImportedListener.NONE : ahead);
        } catch (Exception e) {
            if (ahead != null) {
                ahead.close();
            }
            if (causedBy(e, StopRequested.class) != null) {
                log(job, "WARN", "stopped after " + progress.lastCheckpoint + "; a restart continues from there");
                return BatchStatus.STOPPED.name();
            }
            FencedOffException fenced = causedBy(e, FencedOffException.class);
            if (fenced != null) {
                throw fenced; // another attempt owns the job now: say nothing more
            }
            throw e;
        }
        progress.report(result.progress(), result.lastCheckpoint(), true);
        for (TableCounts t : result.progress().tables()) {
            if (!p.dryRun()) {
                legacyMetrics.table(t.table(), t.inserted(), t.updated(), t.merged(), t.quarantined());
            }
            log(job, "INFO", (p.dryRun() ? "would change " : "") + t.table() + ": read " + t.read() + ", "
                    + (p.dryRun() ? "would insert " : "inserted ") + t.inserted() + ", "
                    + (p.dryRun() ? "would update " : "updated ") + t.updated() + ", unchanged " + t.unchanged()
                    + ", merged " + t.merged() + ", quarantined " + t.quarantined() + ", flagged " + t.flagged());
        }
        if (p.dryRun()) {
            ctx.setTransientUserData(dryRunResult(p, result.progress()));
        } else {
            ahead.importCompleted(result.sourceChecksums());
            ctx.setTransientUserData(ahead); // the reconcile step finishes it: PostgreSQL against these checksums
        }
        return "COMPLETED";
    }

    @Override
    public void stop() {
        stopRequested = true;
    }

    /** Between chunks: persists the checkpoint and progress on the job, and stops when asked to. */
    private final class Progress implements com.zemo.legacy.importer.ChunkListener {
        private final JobRef job;
        private final long total;
        private final long before;
        private long reported;
        private String lastTable;
        ImportCheckpoint lastCheckpoint;

        Progress(JobRef job, Path source, ImportCheckpoint from) throws SQLException {
            this.job = job;
            this.lastCheckpoint = from;
            long all = 0;
            long done = 0;
            try (LegacySource s = LegacySource.open(source)) {
                for (LegacyTable t : LegacyTable.values()) {
                    all += s.count(t);
                    if (t.ordinal() < from.legacyTable().ordinal()) {
                        done += s.count(t);
                    } else if (t == from.legacyTable()) {
                        done += s.countUpTo(t, from.lastSourceId());
                    }
                }
            }
            this.total = all;
            this.before = done;
            this.reported = progressDone(job.jobId());
            runtime.setTotal(job, total);
        }

        @Override
        public void committed(ImportCheckpoint cp, ImportProgress progress) throws Exception {
            report(progress, cp, false);
            if (stopRequested) {
                throw new StopRequested();
            }
        }

        void report(ImportProgress progress, ImportCheckpoint cp, boolean end) throws SQLException {
            lastCheckpoint = cp;
            long read = 0;
            for (TableCounts t : progress.tables()) {
                read += t.read();
            }
            long done = end ? total : Math.min(total, before + read);
            try (Connection c = runtime.dataSource().getConnection()) {
                runtime.advance(c, job, checkpointJson(cp), done - reported);
            }
            reported = done;
            legacyMetrics.progress(done, total);
            if (!cp.table().equals(lastTable)) {
                lastTable = cp.table();
                if (!end) {
                    log(job, "INFO", "checkpoint now in " + cp.table() + " (#" + cp.lastSourceId() + "), " + done + " of " + total + " source rows");
                }
            }
        }
    }

    private long progressDone(long jobId) throws SQLException {
        try (Connection c = runtime.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT progress_done FROM jobs WHERE id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static String checkpointJson(ImportCheckpoint cp) {
        return "{\"runId\":" + cp.runId() + ",\"table\":" + JsonText.quote(cp.table()) + ",\"lastSourceId\":" + cp.lastSourceId()
                + ",\"asOf\":" + JsonText.quote(cp.asOf().toString()) + "}";
    }

    static String dryRunResult(LegacyJobParameters p, ImportProgress progress) {
        StringBuilder b = new StringBuilder("{\"dryRun\":true,\"mode\":").append(JsonText.quote(p.mode()))
                .append(",\"changes\":").append(progress.changesTotal()).append(",\"tables\":[");
        boolean first = true;
        for (TableCounts t : progress.tables()) {
            b.append(first ? "" : ",").append("{\"table\":").append(JsonText.quote(t.table()))
                    .append(",\"source\":").append(t.read()).append(",\"insert\":").append(t.inserted())
                    .append(",\"update\":").append(t.updated()).append(",\"unchanged\":").append(t.unchanged())
                    .append(",\"quarantine\":").append(t.quarantined()).append('}');
            first = false;
        }
        return b.append("],\"summary\":").append(JsonText.quote("dry run: " + progress.changesTotal()
                + " rows would be inserted or updated; nothing was written")).append('}').toString();
    }

    private void log(JobRef job, String level, String message) {
        events.log(job.jobId(), level, "import", job.node(), message);
    }

    static <T extends Throwable> T causedBy(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Thrown between chunks when the job is to stop: the chunk before it has committed with its checkpoint. */
    static final class StopRequested extends Exception {
        StopRequested() {
            super("stop requested", null, false, false);
        }
    }
}
