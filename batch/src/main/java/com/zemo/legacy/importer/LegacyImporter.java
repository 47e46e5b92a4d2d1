package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports the monolith's SQLite file into PostgreSQL: table by table in dependency order, chunk by chunk,
 * one transaction per chunk that holds the target rows, their legacy_id_map rows, their quarantine rows and
 * the run's checkpoint. Every source row ends imported, merged or quarantined.
 * <p>
 * The same pass serves the first import, a resume after a crash and a delta sync: a row whose converted
 * checksum the id map already holds is skipped, a new one inserted, a changed one updated in place. So
 * resuming from any committed checkpoint (or an older one) ends in the state an uninterrupted run gives.
 * <p>
 * Plain JDBC with no container types: a Jakarta Batch chunk step can call {@link #importChunk} from its
 * writer, or a batchlet can call {@link #run}.
 */
public final class LegacyImporter {
    private static final Logger LOG = Logger.getLogger(LegacyImporter.class.getName());

    private final DataSource target;
    private final Path sourceFile;
    private final ImportOptions options;
    private final References references = new References();
    private final Map<LegacyTable, TableImport<?>> imports = Map.of(
            LegacyTable.USERS, new UsersImport(), LegacyTable.SETTINGS, new SettingsImport(),
            LegacyTable.PROMPTS, new PromptsImport(), LegacyTable.TASKS, new TasksImport(),
            LegacyTable.TASK_LOGS, new TaskLogsImport(), LegacyTable.SERP_RESULTS, new SerpResultsImport(),
            LegacyTable.PAGES, new PagesImport(), LegacyTable.ANALYSES, new AnalysesImport(),
            LegacyTable.GENERATIONS, new GenerationsImport());

    public LegacyImporter(DataSource target, Path sourceFile, ImportOptions options) {
        this.target = target;
        this.sourceFile = sourceFile;
        this.options = options;
    }

    /** Starts a new run: a legacy_import_runs row (none in a dry run) and its first checkpoint. */
    public ImportCheckpoint begin(Instant asOf) throws SQLException {
        if (options.dryRun()) {
            return ImportCheckpoint.start(0, asOf);
        }
        try (Connection c = target.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO legacy_import_runs (source_path, mode, dry_run, "
                     + "status, as_of, checkpoint_table, checkpoint_last_id) VALUES (?, ?, false, 'running', ?, ?, 0) RETURNING id")) {
            ps.setString(1, sourceFile.toAbsolutePath().toString());
            ps.setString(2, options.mode());
            ps.setObject(3, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
            ps.setString(4, LegacyTable.values()[0].tableName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return ImportCheckpoint.start(rs.getLong(1), asOf);
            }
        }
    }

    /** The checkpoint last committed for a run, as the chunk transactions wrote it: for a resume after a crash. */
    public static ImportCheckpoint committedCheckpoint(DataSource target, long runId) throws SQLException {
        try (Connection c = target.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT checkpoint_table, checkpoint_last_id, as_of FROM legacy_import_runs WHERE id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no legacy import run " + runId);
                }
                return new ImportCheckpoint(runId, rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant());
            }
        }
    }

    /** A whole run: {@link #begin}, then every chunk, then the run marked finished. */
    public ImportResult run(Instant asOf, ChunkListener listener) throws SQLException {
        return resume(begin(asOf), listener);
    }

    /** Continues from a checkpoint (the start one or any committed one) to the end of the last table. */
    public ImportResult resume(ImportCheckpoint from, ChunkListener listener) throws SQLException {
        LOG.info(() -> "legacy import from " + sourceFile + " at " + from + " with " + options);
        ImportProgress progress = new ImportProgress();
        ImportCheckpoint cp = from;
        try (LegacySource source = LegacySource.open(sourceFile); Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            LegacyTable[] tables = LegacyTable.values();
            for (int t = from.legacyTable().ordinal(); t < tables.length; t++) {
                LegacyTable table = tables[t];
                long last = table == from.legacyTable() ? from.lastSourceId() : 0;
                while (true) {
                    List<SourceRow> rows = source.readChunk(table, last, options.chunkSize());
                    if (rows.isEmpty()) {
                        break;
                    }
                    last = rows.get(rows.size() - 1).id();
                    cp = new ImportCheckpoint(cp.runId(), table.tableName(), last, cp.asOf());
                    importChunk(c, rows, cp, progress);
                    try {
                        listener.committed(cp, progress);
                    } catch (RuntimeException | SQLException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new SQLException("chunk listener failed after checkpoint " + cp, e);
                    }
                }
                LOG.fine(() -> "legacy import: " + progress.table(table.tableName()));
            }
            if (!options.dryRun()) {
                finishRun(c, cp.runId());
            }
        }
        LOG.info(() -> "legacy import done: " + progress);
        return new ImportResult(cp.runId(), cp, progress, options.dryRun());
    }

    /**
     * Applies one chunk of source rows of one table in one transaction, with the checkpoint {@code cp}
     * (this chunk's table and last id) written in the same transaction.
     */
    public void importChunk(Connection c, List<SourceRow> rows, ImportCheckpoint cp, ImportProgress progress) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        LegacyTable table = rows.get(0).table();
        TableImport<?> imp = imports.get(table);
        TableCounts counts = progress.table(table.tableName());
        Map<Long, IdMapEntry> known = IdMap.loadRange(c, table.tableName(), rows.get(0).id(), rows.get(rows.size() - 1).id());
        IdMap idMap = new IdMap(table.tableName());
        QuarantineLog quarantine = new QuarantineLog(table.tableName());
        ChunkTx tx = new ChunkTx(c, cp.runId(), options.secretKey(), references, idMap, quarantine);
        MappingRules rules = new MappingRules(cp.asOf(), options.staleAfter());
        try {
            applyRows(imp, rows, known, rules, tx, counts);
            if (options.dryRun()) {
                c.rollback();
            } else {
                imp.endChunk(tx);
                idMap.flush(c, cp.runId());
                quarantine.flush(c, cp.runId());
                saveCheckpoint(c, cp);
                c.commit();
                references.commit();
            }
            progress.chunkDone();
        } catch (SQLException | RuntimeException e) {
            imp.discard();
            idMap.clear();
            quarantine.clear();
            references.rollback();
            rollbackQuietly(c, e);
            throw e;
        }
    }

    private <R> void applyRows(TableImport<R> imp, List<SourceRow> rows, Map<Long, IdMapEntry> known,
                               MappingRules rules, ChunkTx tx, TableCounts counts) throws SQLException {
        // Convert first: the number of new rows decides how many ids to reserve.
        Object[] converted = new Object[rows.size()];
        String[] checksums = new String[rows.size()];
        int newRows = 0;
        for (int i = 0; i < rows.size(); i++) {
            SourceRow row = rows.get(i);
            try {
                R r = imp.convert(row, rules);
                converted[i] = r;
                checksums[i] = imp.checksum(r);
            } catch (QuarantineException q) {
                converted[i] = q;
                checksums[i] = SourceChecksums.raw(row);
            }
            if (!known.containsKey(row.id())) {
                newRows++;
            }
        }
        if (!options.dryRun()) {
            imp.beginChunk(tx, newRows);
        }
        for (int i = 0; i < rows.size(); i++) {
            SourceRow row = rows.get(i);
            counts.read++;
            IdMapEntry previous = known.get(row.id());
            if (previous != null && checksums[i].equals(previous.checksum())) {
                counts.unchanged++;
                continue;
            }
            if (previous == null) {
                counts.inserted++;
            } else {
                counts.updated++;
            }
            if (options.dryRun()) {
                if (converted[i] instanceof QuarantineException) {
                    counts.quarantined++;
                }
                continue;
            }
            tx.startRow(row.id());
            if (previous != null) {
                tx.quarantine.clearPrevious(row.id());
            }
            if (converted[i] instanceof QuarantineException q) {
                tx.quarantine.quarantine(row.id(), q.column(), q.getMessage(), q.raw());
                Long keep = previous == null ? null : previous.newId();
                tx.idMap.stage(new IdMapEntry(row.id(), keep, checksums[i], IdMapEntry.QUARANTINED));
                counts.quarantined++;
                continue;
            }
            @SuppressWarnings("unchecked")
            R r = (R) converted[i];
            for (Flag f : imp.flags(r)) {
                tx.flag(f.column(), f.reason(), f.raw());
            }
            IdMapEntry entry = imp.write(r, checksums[i], previous, tx);
            tx.idMap.stage(entry);
            if (IdMapEntry.MERGED.equals(entry.outcome())) {
                counts.merged++;
            }
            if (tx.currentFlagged()) {
                counts.flagged++;
            }
        }
    }

    private static void saveCheckpoint(Connection c, ImportCheckpoint cp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE legacy_import_runs SET checkpoint_table = ?, "
                + "checkpoint_last_id = ? WHERE id = ?")) {
            ps.setString(1, cp.table());
            ps.setLong(2, cp.lastSourceId());
            ps.setLong(3, cp.runId());
            ps.executeUpdate();
        }
    }

    private static void finishRun(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE legacy_import_runs SET status = 'completed', "
                + "finished_at = now() WHERE id = ?")) {
            ps.setLong(1, runId);
            ps.executeUpdate();
        }
        c.commit();
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
            LOG.log(Level.WARNING, "rollback after a failed chunk failed too", e);
        }
    }
}
