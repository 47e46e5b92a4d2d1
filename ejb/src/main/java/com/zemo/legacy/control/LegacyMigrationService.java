package com.zemo.legacy.control;

import com.zemo.identity.control.Caller;
import com.zemo.jobs.control.JobService;
import com.zemo.jobs.control.JobTypes;
import com.zemo.jobs.entity.Job;
import com.zemo.legacy.report.ReconciliationReport;
import com.zemo.legacy.report.TableReconciliation;
import com.zemo.platform.ZemoDb;
import com.zemo.platform.ZemoException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin's controls over the legacy migration: submitting the import and export jobs (checked and run by
 * the jobs machinery: {@link JobTypes#LEGACY_IMPORT}, {@link JobTypes#LEGACY_EXPORT}), and reading what an
 * import left: its reconciliation report and its quarantine.
 */
@Stateless
public class LegacyMigrationService {

    public record Report(ReconciliationReport report, String json) {
    }

    @EJB
    JobService jobs;

    @Inject
    @ZemoDb
    DataSource ds;

    public Job submitImport(Caller caller, String path, String mode, Boolean dryRun) {
        JsonObjectBuilder p = Json.createObjectBuilder();
        if (path != null) {
            p.add("path", path);
        }
        if (mode != null) {
            p.add("mode", mode);
        }
        if (dryRun != null) {
            p.add("dryRun", dryRun);
        }
        return jobs.submit(caller, JobTypes.LEGACY_IMPORT, p.build());
    }

    public Job submitExport(Caller caller, String path) {
        JsonObjectBuilder p = Json.createObjectBuilder();
        if (path != null) {
            p.add("path", path);
        }
        return jobs.submit(caller, JobTypes.LEGACY_EXPORT, p.build());
    }

    /** The job, if it is of the given legacy type (another job's id is not found here). */
    public Job job(Caller caller, long id, String type) {
        Job j = jobs.get(caller, id);
        if (!j.getType().equals(type)) {
            throw ZemoException.notFound(type + " " + id);
        }
        return j;
    }

    /** The reconciliation report of an import job, once its reconcile step has stored it. */
    public Report report(Caller caller, long id) {
        Job j = job(caller, id, JobTypes.LEGACY_IMPORT);
        String json = query("SELECT report::text FROM legacy_import_runs WHERE job_id = ? AND report IS NOT NULL ORDER BY id DESC LIMIT 1", id);
        if (json == null) {
            throw ZemoException.conflict("import job " + id + " has no reconciliation report yet (status " + j.getStatus().dbValue()
                    + (isDryRun(j) ? ", a dry run has none: its result lists what would change" : "") + ")");
        }
        return new Report(fromJson(json), json);
    }

    /**
     * Writes the quarantine as CSV (RFC 4180): table, source id, column, reason, raw value and kind
     * (quarantined = not imported; flagged = imported with a documented fallback for that column, the raw
     * value kept here). By default every current entry, which is what the import's report counts (a delta
     * sync writes entries only for the rows it applied, and replaces a changed row's old ones); with
     * {@code onlyThisRun} only those the job's own run wrote.
     */
    public void writeQuarantineCsv(Caller caller, long id, boolean onlyThisRun, Writer out) {
        job(caller, id, JobTypes.LEGACY_IMPORT);
        String where = onlyThisRun ? "WHERE q.run_id IN (SELECT r.id FROM legacy_import_runs r WHERE r.job_id = ?) " : "";
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT q.table_name, q.source_id, q.column_name, q.reason, q.raw_value, q.kind "
                     + "FROM legacy_quarantine q " + where + "ORDER BY q.table_name, q.source_id, q.id")) {
            if (onlyThisRun) {
                ps.setLong(1, id);
            }
            ps.setFetchSize(1000);
            c.setAutoCommit(false); // a cursor, not the whole quarantine in memory
            out.write("table,source_id,column,reason,raw_value,kind\r\n");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long sourceId = rs.getLong(2);
                    String source = rs.wasNull() ? "" : Long.toString(sourceId);
                    out.write(Csv.row(rs.getString(1), source, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            c.commit();
            out.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the quarantine of job " + id, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isDryRun(Job j) {
        return j.getParams() != null && j.getParams().replace(" ", "").contains("\"dryRun\":true");
    }

    private String query(String sql, long id) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored report (legacy_import_runs.report) back as the record, for the HTML page. */
    static ReconciliationReport fromJson(String json) {
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        List<TableReconciliation> tables = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("tables")) {
            JsonObject t = v.asJsonObject();
            List<Long> ids = new ArrayList<>();
            for (JsonValue id : t.getJsonArray("unaccountedIds")) {
                ids.add(((JsonNumber) id).longValue());
            }
            tables.add(new TableReconciliation(t.getString("table"), num(t, "source"), num(t, "imported"), num(t, "quarantined"),
                    num(t, "merged"), num(t, "unaccounted"), num(t, "flagged"), num(t, "mismatched"), num(t, "goneFromSource"),
                    t.getString("sourceChecksum", null), t.getString("targetChecksum", null), t.getBoolean("checksumsMatch"), ids));
        }
        return new ReconciliationReport(Instant.parse(o.getString("generatedAt")), o.getString("sourcePath", null),
                num(o, "runId"), o.getString("sourceSide", null), tables, num(o, "totalSource"), num(o, "totalUnaccounted"),
                num(o, "totalMismatched"), o.getBoolean("balanced"), o.getString("summary"));
    }

    private static long num(JsonObject o, String name) {
        return o.getJsonNumber(name).longValue();
    }
}
