package com.zemo.legacy.batch;

import com.zemo.jobs.batch.JobEvents;
import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.JobRuntime;
import com.zemo.legacy.importer.ImportCheckpoint;
import com.zemo.legacy.importer.LegacyImporter;
import com.zemo.legacy.mapping.LegacyStatuses;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.report.ReconciliationAhead;
import com.zemo.legacy.report.Reconciler;
import com.zemo.legacy.report.ReconciliationReport;
import com.zemo.platform.ZemoConfig;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import javax.sql.DataSource;

/**
 * Step "reconcile" of the legacy-import job: the reconciliation report of the job's run, stored on the run
 * (legacy_import_runs.report) and as the job's result (the one-line verdict is its {@code summary}). The job
 * fails when the report does not balance. After an uninterrupted import it compares PostgreSQL with the
 * checksums the import computed from the file; after a resume it reads the file again. Nothing to do in a
 * dry run.
 */
@jakarta.enterprise.context.Dependent
@Named("legacyReconcileBatchlet")
public class LegacyReconcileBatchlet extends AbstractBatchlet {

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

    @Override
    public String process() throws Exception {
        LegacyJobParameters p = LegacyJobParameters.of(path, mode, dryRun, chunk);
        if (p.dryRun()) {
            return "COMPLETED";
        }
        JobRef job = JobRef.of(ctx, BatchRuntime.getJobOperator());
        DataSource ds = runtime.dataSource();
        long runId = LegacyRuns.ofJob(ds, job.jobId())
                .orElseThrow(() -> new IllegalStateException("job " + job.jobId() + " has no legacy import run to reconcile")).id();
        ImportCheckpoint cp = LegacyImporter.committedCheckpoint(ds, runId);
        long started = System.nanoTime();
        // After an uninterrupted import step in this execution, the tables it reconciled as they finished;
        // after a restart (no transient data), everything is read back and the file read again.
        ReconciliationReport report = ctx.getTransientUserData() instanceof ReconciliationAhead ahead
                ? ahead.finish(runId)
                : new Reconciler(ds, p.readableSource(), config.secretsKey(),
                        new MappingRules(cp.asOf(), LegacyStatuses.DEFAULT_STALE_AFTER)).reconcile(runId, null);
        Reconciler.store(ds, report);
        ctx.setTransientUserData(report.toJson());
        events.log(job.jobId(), report.balanced() ? "INFO" : "ERROR", "reconcile", job.node(),
                report.summary() + " (" + (System.nanoTime() - started) / 1_000_000 + " ms, source checksums " + report.sourceSide() + ")");
        if (!report.balanced()) {
            throw new IllegalStateException("the reconciliation does not balance: " + report.summary());
        }
        return "COMPLETED";
    }
}
