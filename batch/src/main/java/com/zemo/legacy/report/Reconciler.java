package com.zemo.legacy.report;

import com.zemo.legacy.importer.IdMapEntry;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.RowDigest;
import com.zemo.legacy.mapping.SourceChecksums;
import com.zemo.legacy.source.LegacySource;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * Builds the reconciliation report independently of the import: reads the SQLite file again, converts every
 * row with the same rules, and checks for each one that legacy_id_map accounts for it and that PostgreSQL
 * holds exactly its converted content. Works chunk by chunk, so memory stays flat on a million rows.
 */
public final class Reconciler {
    private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());
    private static final int CHUNK = 2000;

    private final DataSource target;
    private final Path sourceFile;
    private final String secretKey;
    private final MappingRules rules;

    /** @param rules the rules of the run being reconciled (its as-of instant decides stale task statuses) */
    public Reconciler(DataSource target, Path sourceFile, String secretKey, MappingRules rules) {
        this.target = target;
        this.sourceFile = sourceFile;
        this.secretKey = secretKey;
        this.rules = rules;
    }

    public ReconciliationReport reconcile(long runId) throws SQLException {
        List<TableReconciliation> tables = new ArrayList<>();
        ExecutorService targetSide = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "legacy-reconcile-target");
            t.setDaemon(true);
            return t;
        });
        try (LegacySource source = LegacySource.open(sourceFile); Connection c = target.getConnection();
             Connection tc = target.getConnection()) {
            c.setReadOnly(true);
            tc.setReadOnly(true);
            for (LegacyTable table : LegacyTable.values()) {
                TableReconciliation t = reconcileTable(source, c, tc, targetSide, table);
                LOG.fine(() -> "reconciled " + t);
                tables.add(t);
            }
        } finally {
            targetSide.shutdownNow();
        }
        ReconciliationReport report = ReconciliationReport.of(Instant.now(), sourceFile.toAbsolutePath().toString(), runId, tables);
        LOG.info(report::summary);
        return report;
    }

    /** Stores the report (JSON) on its run row. */
    public static void store(DataSource target, ReconciliationReport report) throws SQLException {
        try (Connection c = target.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE legacy_import_runs SET report = CAST(? AS jsonb) WHERE id = ?")) {
            ps.setString(1, report.toJson());
            ps.setLong(2, report.runId());
            ps.executeUpdate();
        }
    }

    /**
     * One table, chunk by chunk. PostgreSQL's side of a chunk (decrypting, un-gzipping, checksumming) runs on
     * {@code targetSide} with its own connection while this thread converts the SQLite side.
     */
    private TableReconciliation reconcileTable(LegacySource source, Connection c, Connection tc, ExecutorService targetSide,
                                               LegacyTable table) throws SQLException {
        String name = table.tableName();
        long sourceRows = 0;
        long imported = 0;
        long quarantined = 0;
        long merged = 0;
        long unaccounted = 0;
        long mismatched = 0;
        List<Long> unaccountedIds = new ArrayList<>();
        RowDigest sourceDigest = new RowDigest();
        RowDigest targetDigest = new RowDigest();
        long last = 0;
        while (true) {
            List<SourceRow> rows = source.readChunk(table, last, CHUNK);
            if (rows.isEmpty()) {
                break;
            }
            long from = rows.get(0).id();
            last = rows.get(rows.size() - 1).id();
            long to = last;
            Future<Map<Long, String>> targetFuture = targetSide.submit(() -> TargetRows.checksums(tc, table, from, to, secretKey));
            Map<Long, IdMapEntry> map = idMap(c, name, from, last);
            String[] expected = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                expected[i] = SourceChecksums.of(rows.get(i), rules).checksum();
            }
            Map<Long, String> targetSums = await(targetFuture);
            int index = -1;
            for (SourceRow row : rows) {
                index++;
                sourceRows++;
                IdMapEntry e = map.get(row.id());
                if (e == null) {
                    unaccounted++;
                    if (unaccountedIds.size() < 20) {
                        unaccountedIds.add(row.id());
                    }
                    continue;
                }
                switch (e.outcome()) {
                    case IdMapEntry.QUARANTINED -> quarantined++;
                    case IdMapEntry.MERGED -> merged++;
                    default -> imported++;
                }
                boolean hasContent = IdMapEntry.IMPORTED.equals(e.outcome())
                        || (IdMapEntry.MERGED.equals(e.outcome()) && table == LegacyTable.USERS);
                if (!hasContent) {
                    continue;
                }
                String actual = targetSums.get(row.id());
                sourceDigest.add(row.id()).add(expected[index]);
                targetDigest.add(row.id()).add(actual);
                if (!expected[index].equals(actual)) {
                    mismatched++;
                }
            }
        }
        long mapped = countIdMap(c, name);
        long gone = mapped - (imported + merged + quarantined);
        String s = sourceDigest.hex();
        String t = targetDigest.hex();
        return new TableReconciliation(name, sourceRows, imported, quarantined, merged, unaccounted, countFlagged(c, name),
                mismatched, gone, s, t, s.equals(t), unaccountedIds);
    }

    private static Map<Long, String> await(Future<Map<Long, String>> f) throws SQLException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the target side", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            throw new SQLException("reading the target side failed", e.getCause());
        }
    }

    private static Map<Long, IdMapEntry> idMap(Connection c, String table, long from, long to) throws SQLException {
        Map<Long, IdMapEntry> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT legacy_id, new_id, checksum, outcome FROM legacy_id_map "
                + "WHERE table_name = ? AND legacy_id BETWEEN ? AND ?")) {
            ps.setString(1, table);
            ps.setLong(2, from);
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getLong(1), new IdMapEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return m;
    }

    private static long countIdMap(Connection c, String table) throws SQLException {
        return count(c, "SELECT count(*) FROM legacy_id_map WHERE table_name = ?", table);
    }

    private static long countFlagged(Connection c, String table) throws SQLException {
        return count(c, "SELECT count(DISTINCT source_id) FROM legacy_quarantine WHERE table_name = ? AND kind = 'flagged'", table);
    }

    private static long count(Connection c, String sql, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
