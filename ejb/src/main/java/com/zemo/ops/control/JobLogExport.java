package com.zemo.ops.control;

import com.zemo.platform.JsonText;
import com.zemo.platform.ZemoDb;
import com.zemo.platform.ZemoException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Job logs out of the database for the rollback ("finish running jobs, export the logs"): CSV or JSON lines,
 * streamed with a server-side cursor, so any amount goes out in constant memory.
 */
@ApplicationScoped
public class JobLogExport {

    public enum Format { CSV, JSONL }

    public record Filter(OffsetDateTime since, OffsetDateTime until, Long jobId, String type) {
    }

    private static final String[] COLUMNS = {"log_id", "at", "job_id", "job_type", "job_status", "request_id", "level", "step", "node", "message"};

    @Inject
    @ZemoDb
    DataSource ds;

    public static Format format(String s) {
        if (s == null || s.equalsIgnoreCase("jsonl")) {
            return Format.JSONL;
        }
        if (s.equalsIgnoreCase("csv")) {
            return Format.CSV;
        }
        throw ZemoException.invalid("format must be csv or jsonl");
    }

    public void write(Filter f, Format format, OutputStream out) throws IOException {
        StringBuilder sql = new StringBuilder("SELECT l.id, l.at, l.job_id, j.type, j.status, j.request_id, l.level, l.step, l.node, l.message "
                + "FROM job_logs l LEFT JOIN jobs j ON j.id = l.job_id WHERE true");
        List<Object> args = new ArrayList<>();
        if (f.since() != null) {
            sql.append(" AND l.at >= ?");
            args.add(f.since());
        }
        if (f.until() != null) {
            sql.append(" AND l.at < ?");
            args.add(f.until());
        }
        if (f.jobId() != null) {
            sql.append(" AND l.job_id = ?");
            args.add(f.jobId());
        }
        if (f.type() != null) {
            sql.append(" AND j.type = ?");
            args.add(f.type());
        }
        sql.append(" ORDER BY l.id");
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setFetchSize(2000);
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                if (format == Format.CSV) {
                    w.write(String.join(",", COLUMNS));
                    w.write("\r\n");
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String[] v = new String[COLUMNS.length];
                        for (int i = 0; i < v.length; i++) {
                            Object o = i == 1 ? rs.getObject(2, OffsetDateTime.class) : rs.getObject(i + 1);
                            v[i] = o == null ? null : o.toString();
                        }
                        if (format == Format.CSV) {
                            csvLine(w, v);
                        } else {
                            jsonLine(w, v);
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IOException("exporting job logs", e);
        }
        w.flush();
    }

    static void csvLine(Writer w, String[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            String v = values[i];
            if (v == null) {
                continue;
            }
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                w.write('"');
                w.write(v.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(v);
            }
        }
        w.write("\r\n");
    }

    static void jsonLine(Writer w, String[] values) throws IOException {
        w.write('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write('"');
            w.write(COLUMNS[i]);
            w.write("\":");
            boolean number = (i == 0 || i == 2) && values[i] != null;
            w.write(number ? values[i] : JsonText.quote(values[i]));
        }
        w.write("}\n");
    }
}
