package com.zemo.legacy.report;

import com.zemo.legacy.importer.IdMapEntry;
import com.zemo.legacy.importer.Jdbc;
import com.zemo.legacy.importer.PooledSession;
import com.zemo.legacy.importer.SourceChecksumLog;
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
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Builds the reconciliation report independently of the import: reads the SQLite file again, converts every
 * row with the same rules, and checks for each one that legacy_id_map accounts for it and that PostgreSQL
 * holds exactly its converted content. Works chunk by chunk, so memory stays flat on a million rows.
 */
public final class Reconciler {
    private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());
    private static final int CHUNK = 2000;

    /** Source rows compared a chunk at a time (the target read by id range). */
    private final int chunk;

    private final DataSource target;
    private final Path sourceFile;
    private final String secretKey;
    private final MappingRules rules;

    /** @param rules the rules of the run being reconciled (its as-of instant decides stale task statuses) */
    public Reconciler(DataSource target, Path sourceFile, String secretKey, MappingRules rules) {
        this(target, sourceFile, secretKey, rules, CHUNK);
    }

    /** With smaller chunks: tests, to reconcile a small file in many chunks. */
    Reconciler(DataSource target, Path sourceFile, String secretKey, MappingRules rules, int chunk) {
        this.chunk = chunk;
        this.target = target;
        this.sourceFile = sourceFile;
        this.secretKey = secretKey;
        this.rules = rules;
    }

    /** Reads and converts the SQLite file again for the source side. */
    public ReconciliationReport reconcile(long runId) throws SQLException {
        return reconcile(runId, null);
    }

    /**
     * @param sourceLog the source checksums an uninterrupted import run computed from this very file, used
     *                  instead of converting the file a second time; null (or incomplete) → the file is read
     */
    public ReconciliationReport reconcile(long runId, SourceChecksumLog sourceLog) throws SQLException {
        SourceChecksumLog log = usable(sourceLog);
        return report(runId, log, reconcileTables(List.of(LegacyTable.values()), log));
    }

    /** The log when a reconciliation may use it (the run read every row of the file), else null. */
    static SourceChecksumLog usable(SourceChecksumLog sourceLog) {
        return sourceLog != null && sourceLog.complete() ? sourceLog : null;
    }

    /**
     * Reconciles {@code tables}, in the given order, each one whole; they must not be written meanwhile.
     *
     * @param log the run's source checksums, or null: the file is read and converted again
     */
    List<TableReconciliation> reconcileTables(List<LegacyTable> tables, SourceChecksumLog log) throws SQLException {
        return reconcileTables(tables, log, null);
    }

    /**
     * Reconciles one table while the import still writes it, chunk by chunk as its source log grows (each
     * chunk of the log committed before it was recorded), to its end once {@code imported} says so.
     */
    TableReconciliation reconcileWhileImported(LegacyTable table, SourceChecksumLog log, BooleanSupplier imported) throws SQLException {
        return reconcileTables(List.of(table), log, imported).get(0);
    }

    private List<TableReconciliation> reconcileTables(List<LegacyTable> tables, SourceChecksumLog log, BooleanSupplier imported)
            throws SQLException {
        List<TableReconciliation> out = new ArrayList<>();
        ExecutorService targetSide = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "legacy-reconcile-target");
            t.setDaemon(true);
            return t;
        });
        try (LegacySource source = LegacySource.open(sourceFile); Connection c = target.getConnection();
             Connection tc = target.getConnection(); Connection tc2 = target.getConnection();
             PooledSession ignored = PooledSession.restoreOnClose(c, tc, tc2)) {
            c.setReadOnly(true);
            tc.setReadOnly(true);
            tc2.setReadOnly(true);
            Connection[] targetConnections = {tc, tc2};
            for (LegacyTable table : tables) {
                SourceSide side = log == null ? new FileSide(source, table, rules, chunk)
                        : imported != null ? new GrowingSide(log.table(table), imported, chunk) : new LoggedSide(log.table(table), chunk);
                TableReconciliation t = reconcileTable(side, c, targetConnections, targetSide, table);
                LOG.fine(() -> "reconciled " + t);
                out.add(t);
            }
        } finally {
            targetSide.shutdownNow();
        }
        return out;
    }

    /** The report of every table's reconciliation, in table order. */
    ReconciliationReport report(long runId, SourceChecksumLog log, List<TableReconciliation> tables) {
        ReconciliationReport report = ReconciliationReport.of(Instant.now(), sourceFile.toAbsolutePath().toString(), runId,
                log != null ? "recorded by the import run from the file" : "re-read from the file", tables);
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
     * {@code targetSide}, each half of the chunk's id range with its own connection, while this thread
     * converts the SQLite side.
     */
    private TableReconciliation reconcileTable(SourceSide source, Connection c, Connection[] tcs, ExecutorService targetSide,
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
        while (true) {
            SourceChunk chunk = source.next();
            if (chunk == null) {
                break;
            }
            long from = chunk.ids()[0];
            long to = chunk.ids()[chunk.ids().length - 1];
            long mid = chunk.ids()[(chunk.ids().length - 1) / 2];
            Future<Map<Long, String>> lower = targetSide.submit(() -> TargetRows.checksums(tcs[0], table, from, mid, secretKey));
            Future<Map<Long, String>> upper = targetSide.submit(() -> TargetRows.checksums(tcs[1], table, mid + 1, to, secretKey));
            Map<Long, IdMapEntry> map = idMap(c, name, from, to);
            String[] expected = chunk.checksums();
            Map<Long, String> targetSums = await(lower);
            targetSums.putAll(await(upper));
            for (int index = 0; index < expected.length; index++) {
                long rowId = chunk.ids()[index];
                sourceRows++;
                IdMapEntry e = map.get(rowId);
                if (e == null) {
                    unaccounted++;
                    if (unaccountedIds.size() < 20) {
                        unaccountedIds.add(rowId);
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
                String actual = targetSums.get(rowId);
                sourceDigest.add(rowId).add(expected[index]);
                targetDigest.add(rowId).add(actual);
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

    /** A chunk of source ids (ascending) and their converted-row checksums. */
    private record SourceChunk(long[] ids, String[] checksums) {
    }

    /** Where the source side's checksums come from. */
    private interface SourceSide {
        /** @return the next chunk, or null after the last */
        SourceChunk next() throws SQLException;
    }

    /** The file, read and converted again. */
    private static final class FileSide implements SourceSide {
        private final LegacySource source;
        private final LegacyTable table;
        private final MappingRules rules;
        private final int chunk;
        private long last;

        FileSide(LegacySource source, LegacyTable table, MappingRules rules, int chunk) {
            this.source = source;
            this.table = table;
            this.rules = rules;
            this.chunk = chunk;
        }

        @Override
        public SourceChunk next() throws SQLException {
            List<SourceRow> rows = source.readChunk(table, last, chunk);
            if (rows.isEmpty()) {
                return null;
            }
            long[] ids = new long[rows.size()];
            String[] sums = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                ids[i] = rows.get(i).id();
                sums[i] = SourceChecksums.of(rows.get(i), rules).checksum();
            }
            last = ids[ids.length - 1];
            return new SourceChunk(ids, sums);
        }
    }

    /** The checksums the import run computed from the file as it read it. */
    private static final class LoggedSide implements SourceSide {
        private final SourceChecksumLog.TableLog log;
        private final int chunk;
        private int position;

        LoggedSide(SourceChecksumLog.TableLog log, int chunk) {
            this.log = log;
            this.chunk = chunk;
        }

        @Override
        public SourceChunk next() {
            int n = Math.min(chunk, log.size() - position);
            if (n <= 0) {
                return null;
            }
            long[] ids = new long[n];
            String[] sums = new String[n];
            for (int i = 0; i < n; i++) {
                ids[i] = log.id(position + i);
                sums[i] = log.checksum(position + i);
            }
            position += n;
            return new SourceChunk(ids, sums);
        }
    }

    /** The checksums of a table the import is still writing: waits for whole chunks until it is done. */
    private static final class GrowingSide implements SourceSide {
        private final SourceChecksumLog.TableLog log;
        private final BooleanSupplier imported;
        private final int chunk;
        private final LoggedSide logged;

        GrowingSide(SourceChecksumLog.TableLog log, BooleanSupplier imported, int chunk) {
            this.log = log;
            this.imported = imported;
            this.chunk = chunk;
            this.logged = new LoggedSide(log, chunk);
        }

        @Override
        public SourceChunk next() throws SQLException {
            while (true) {
                boolean done = imported.getAsBoolean(); // before the size: once done, the size read after it is final
                int available = log.size() - logged.position;
                if (available >= chunk || (done && available > 0)) {
                    return logged.next();
                }
                if (done) {
                    return null;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the import of the table", e);
                }
            }
        }
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
                    long legacyId = rs.getLong(1);
                    m.put(legacyId, new IdMapEntry(legacyId, Jdbc.getLong(rs, "new_id"), rs.getString(3), rs.getString(4)));
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
