package com.zemo.legacy.batch;

import com.zemo.jobs.batch.JobEvents;
import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.JobRuntime;
import com.zemo.legacy.export.ExportResult;
import com.zemo.legacy.export.LegacyExporter;
import com.zemo.platform.JsonText;
import com.zemo.platform.ZemoConfig;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.Map;

/**
 * The legacy-export job: PostgreSQL back into a new SQLite file with the monolith's schema (schema_version 7).
 * It writes a hidden partial file beside the target and renames it when complete, so a failed or killed
 * export leaves no half file under the requested name and a restart starts the partial file over. An
 * existing target is never overwritten.
 */
@jakarta.enterprise.context.Dependent
@Named("legacyExportBatchlet")
public class LegacyExportBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String path;

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
        JobRef job = JobRef.of(ctx, BatchRuntime.getJobOperator());
        Path target = Path.of(path).toAbsolutePath();
        if (Files.exists(target)) {
            throw new IllegalStateException("refusing to overwrite " + target + ": export into a new file");
        }
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.deleteIfExists(partial); // ours, from an attempt that did not finish
        events.log(job.jobId(), "INFO", "export", job.node(), "exporting to " + target);
        ExportResult r = new LegacyExporter(runtime.dataSource(), config.secretsKey()).export(partial);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        long rows = r.totalRows();
        runtime.setTotal(job, rows);
        try (Connection c = runtime.dataSource().getConnection()) {
            runtime.advance(c, job, "{\"exported\":true}", rows);
        }
        StringBuilder b = new StringBuilder("{\"file\":").append(JsonText.quote(target.toString()))
                .append(",\"schemaVersion\":7,\"rows\":").append(rows).append(",\"tables\":{");
        boolean first = true;
        for (Map.Entry<String, Long> e : r.rowsPerTable().entrySet()) {
            b.append(first ? "" : ",").append(JsonText.quote(e.getKey())).append(':').append(e.getValue());
            first = false;
        }
        ctx.setTransientUserData(b.append("}}").toString());
        events.log(job.jobId(), "INFO", "export", job.node(), "exported " + rows + " rows to " + target + ": " + r.rowsPerTable());
        return "COMPLETED";
    }
}
