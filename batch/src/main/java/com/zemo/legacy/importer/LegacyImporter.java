package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.NulGuard;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.mapping.SourceChecksums;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports the monolith's SQLite file into PostgreSQL: table by table in dependency order (the tables that
 * only point at tasks three at a time), chunk by chunk, one transaction per chunk that holds the target rows,
 * their legacy_id_map rows, their quarantine rows and (up to tasks) the run's checkpoint. Every source row
 * ends imported, merged or quarantined.
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
    /**
     * The last table written on its own: users, settings and prompts are small and point at each other. Tasks
     * and the tables that hang off them are written side by side; those wait for the tasks they point at
     * ({@link CommittedJobs}).
     */
    private static final LegacyTable LAST_SEQUENTIAL = LegacyTable.PROMPTS;
    /**
     * Tables written side by side after prompts, each with its own PostgreSQL backend: tasks, pages and
     * task_logs at once, serp_results once tasks are done, then analyses and generations. With two, task_logs
     * and serp_results ran one after the other and took about 4 s longer than pages (20k tasks).
     */
    private static final int PARALLEL_TABLES = 3;
    /**
     * Conversion is the import's main CPU cost and needs no database, so it runs beside the writes: one thread
     * per reader up to 3 cores, two from 4. With three tables written at once each with its reader, one converter
     * per reader already keeps two cores busy; two made more threads than cores fight for them (7 back-to-back
     * pairs on 2 cores, 20k tasks: 7.37 s against 7.67 s on average).
     */
    private static final int CONVERTER_THREADS = Runtime.getRuntime().availableProcessors() >= 4 ? 2 : 1;

    private final DataSource target;
    private final Path sourceFile;
    private final ImportOptions options;
    private final References references = new References();
    private final IdSequences sequences = new IdSequences();
    private final BulkReferenceChecks bulkChecks = new BulkReferenceChecks();
    private final Map<LegacyTable, TableImport<?>> imports = Map.of(
            LegacyTable.USERS, new UsersImport(), LegacyTable.SETTINGS, new SettingsImport(),
            LegacyTable.PROMPTS, new PromptsImport(), LegacyTable.TASKS, new TasksImport(),
            LegacyTable.TASK_LOGS, new TaskLogsImport(), LegacyTable.SERP_RESULTS, new SerpResultsImport(),
            LegacyTable.PAGES, new PagesImport(), LegacyTable.ANALYSES, new AnalysesImport(),
            LegacyTable.GENERATIONS, new GenerationsImport());

    /** What {@link #readAhead} started: used by a run from the file's start at the same instant, else closed. */
    private record ReadAhead(Instant asOf, ChunkReader sequential, Map<LegacyTable, ChunkReader> parallel) {
        void close() {
            sequential.close();
            parallel.values().forEach(ChunkReader::close);
        }
    }

    private ReadAhead readAhead;

    public LegacyImporter(DataSource target, Path sourceFile, ImportOptions options) {
        this.target = target;
        this.sourceFile = sourceFile;
        this.options = options;
    }

    /**
     * Starts reading and converting the file from its first table now, for a run that {@link #begin}s at
     * {@code asOf}: conversion needs no database, so the command line calls this before it migrates the schema
     * and the conversions use the core the migration leaves idle (the first chunks of users to prompts, and of
     * the first three tables after them, up to three chunks each). A resume from anywhere else, or at another
     * instant, closes what was read ahead and reads afresh.
     */
    public synchronized void readAhead(Instant asOf) {
        if (readAhead != null) {
            readAhead.close();
        }
        MappingRules rules = new MappingRules(asOf, options.staleAfter());
        readAhead = new ReadAhead(asOf, sequentialReader(LegacyTable.values()[0], 0, rules), prefetch(rules));
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

    /** {@link #run}, telling {@code tables} of each table as it is finished (see {@link TableImportedListener}). */
    public ImportResult run(Instant asOf, ChunkListener listener, TableImportedListener tables) throws SQLException {
        return resume(begin(asOf), listener, tables);
    }

    /**
     * Continues from a checkpoint (the start one or any committed one) to the end of the last table. If the
     * run's checkpoint in the database is older than {@code from} (a commit lost with a crashed server),
     * the older one is used: rows already applied are skipped by checksum, rows lost are applied again.
     * users, settings and prompts go one after another (each may point at the ones before); tasks and the
     * tables that point at them then go three at a time, each on its own connection, a row of those waiting
     * for the task it points at to be committed ({@link CommittedJobs}; see {@link PrefixCheckpoint} for
     * what the checkpoint is meanwhile).
     */
    public ImportResult resume(ImportCheckpoint from, ChunkListener listener) throws SQLException {
        return resume(from, listener, TableImportedListener.NONE);
    }

    /**
     * {@link #resume(ImportCheckpoint, ChunkListener)}, telling {@code tables} of each table once it is
     * finished and committed (not in a dry run): a reconciliation can read it back while the next ones load.
     */
    public ImportResult resume(ImportCheckpoint from, ChunkListener listener, TableImportedListener tables) throws SQLException {
        TableImportedListener finished = options.dryRun() ? TableImportedListener.NONE : tables;
        ImportCheckpoint start = options.dryRun() ? from : earlier(from, committedCheckpoint(target, from.runId()));
        LOG.info(() -> "legacy import from " + sourceFile + " at " + start + " with " + options);
        ImportProgress progress = new ImportProgress();
        SourceChecksumLog sourceLog = new SourceChecksumLog();
        if (start.legacyTable().ordinal() != 0 || start.lastSourceId() != 0) {
            sourceLog.markIncomplete();
        }
        MappingRules rules = new MappingRules(start.asOf(), options.staleAfter());
        ImportCheckpoint cp = start;
        ReadAhead ahead = takeReadAhead(start);
        Map<LegacyTable, ChunkReader> prefetched = new ConcurrentHashMap<>();
        ChunkReader sequentialReader = null;
        try {
            ImportCheckpoint parallelFrom = start;
            if (start.legacyTable().ordinal() <= LAST_SEQUENTIAL.ordinal()) {
                // The first tables of the parallel phase are read and converted while users to prompts are written:
                // their readers stop three chunks ahead until a worker takes them over.
                prefetched.putAll(ahead != null ? ahead.parallel() : prefetch(rules));
                sequentialReader = ahead != null ? ahead.sequential() : sequentialReader(start.legacyTable(), start.lastSourceId(), rules);
                long sequentialStart = System.nanoTime();
                cp = runSequential(start, sequentialReader, progress, sourceLog, listener);
                LOG.info(() -> "users to prompts written in " + (System.nanoTime() - sequentialStart) / 1_000_000 + " ms");
                for (int t = start.legacyTable().ordinal(); t <= LAST_SEQUENTIAL.ordinal(); t++) {
                    finished.imported(LegacyTable.values()[t], sourceLog);
                }
                parallelFrom = new ImportCheckpoint(cp.runId(), LegacyTable.values()[LAST_SEQUENTIAL.ordinal() + 1].tableName(),
                        0, cp.asOf());
            }
            cp = runParallel(parallelFrom, rules, progress, sourceLog, listener, finished, prefetched);
            if (!options.dryRun()) {
                try (Connection c = target.getConnection(); PooledSession ignored = PooledSession.restoreOnClose(c)) {
                    c.setAutoCommit(false);
                    finishRun(c, cp.runId());
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("legacy import stopped after checkpoint " + cp, e);
        } finally {
            if (sequentialReader != null) {
                sequentialReader.close();
            }
            prefetched.values().forEach(ChunkReader::close); // those no worker took over (the import failed first)
        }
        LOG.info(() -> "legacy import done: " + progress);
        return new ImportResult(cp.runId(), cp, progress, options.dryRun(), sourceLog);
    }

    /** What {@link #readAhead} started, if {@code start} can use it; closed if not. */
    private synchronized ReadAhead takeReadAhead(ImportCheckpoint start) {
        ReadAhead ahead = readAhead;
        readAhead = null;
        if (ahead != null && !(start.legacyTable().ordinal() == 0 && start.lastSourceId() == 0 && ahead.asOf().equals(start.asOf()))) {
            ahead.close();
            return null;
        }
        return ahead;
    }

    /** Readers of the first three tables of the parallel phase (tasks, pages, task_logs), from their start. */
    private Map<LegacyTable, ChunkReader> prefetch(MappingRules rules) {
        Map<LegacyTable, ChunkReader> m = new ConcurrentHashMap<>();
        for (LegacyTable t : parallelOrder(LegacyTable.values()[LAST_SEQUENTIAL.ordinal() + 1]).subList(0, PARALLEL_TABLES)) {
            m.put(t, reader(t, 0, rules));
        }
        return m;
    }

    /** Reads users to prompts (from {@code first} after {@code afterId}) for the sequential phase. */
    private ChunkReader sequentialReader(LegacyTable first, long afterId, MappingRules rules) {
        return new ChunkReader(sourceFile, first, afterId, LAST_SEQUENTIAL, options.chunkSize(), CONVERTER_THREADS,
                rows -> prepare(rows, rules));
    }

    /** The tables up to prompts, one chunk after another on one connection, the checkpoint in each chunk's transaction. */
    private ImportCheckpoint runSequential(ImportCheckpoint start, ChunkReader reader, ImportProgress progress,
                                           SourceChecksumLog sourceLog, ChunkListener listener) throws Exception {
        ImportCheckpoint cp = start;
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            relaxCommitDurability(c);
            try {
                PreparedChunk chunk;
                while ((chunk = reader.next()) != null) {
                    cp = new ImportCheckpoint(cp.runId(), chunk.table().tableName(), chunk.lastId(), cp.asOf());
                    apply(c, chunk, cp, progress, references, true);
                    record(sourceLog, chunk);
                    listener.committed(cp, progress);
                }
            } finally {
                restoreCommitDurability(c);
            }
        }
        return cp;
    }

    /**
     * Tasks and the tables after them, three at a time (tasks, which the others wait for, and pages, the biggest,
     * first). Each worker has its own connection, reader and references; a failure in one stops the others.
     */
    private ImportCheckpoint runParallel(ImportCheckpoint start, MappingRules rules, ImportProgress progress,
                                         SourceChecksumLog sourceLog, ChunkListener listener,
                                         TableImportedListener finished, Map<LegacyTable, ChunkReader> prefetched) throws Exception {
        List<LegacyTable> tables = new ArrayList<>();
        for (LegacyTable t : LegacyTable.values()) {
            if (t.ordinal() >= start.legacyTable().ordinal()) {
                tables.add(t);
            }
        }
        PrefixCheckpoint prefix = new PrefixCheckpoint(tables, start, target, !options.dryRun(), listener);
        Queue<LegacyTable> work = new ConcurrentLinkedQueue<>(parallelOrder(start.legacyTable()));
        AtomicBoolean failed = new AtomicBoolean();
        CommittedJobs jobs;
        try (Connection c = target.getConnection()) {
            boolean tasksDone = start.legacyTable().ordinal() > LegacyTable.TASKS.ordinal();
            jobs = CommittedJobs.load(c, start.legacyTable() == LegacyTable.TASKS ? start.lastSourceId() : 0, tasksDone, failed);
        }
        int workers = Math.min(PARALLEL_TABLES, tables.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "legacy-import-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(() -> {
                    writeTables(work, start, rules, progress, sourceLog, prefix, failed, finished, prefetched, jobs);
                    return null;
                }));
            }
            Exception first = null;
            for (Future<Void> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    failed.set(true);
                    Exception cause = e.getCause() instanceof Exception c ? c : e;
                    // The worker that met the cause, not the one told to stop because of it, says why.
                    if (first == null || first instanceof PrefixCheckpoint.StoppedElsewhere) {
                        first = cause;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
        return prefix.current();
    }

    private void writeTables(Queue<LegacyTable> work, ImportCheckpoint start, MappingRules rules, ImportProgress progress,
                             SourceChecksumLog sourceLog, PrefixCheckpoint prefix, AtomicBoolean failed,
                             TableImportedListener finished, Map<LegacyTable, ChunkReader> prefetched, CommittedJobs jobs)
            throws Exception {
        References refs = new References(jobs); // only reads committed users, prompts and tasks
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            relaxCommitDurability(c);
            try {
                writeTables(c, work, start, rules, progress, sourceLog, prefix, failed, refs, finished, prefetched, jobs);
            } finally {
                restoreCommitDurability(c);
            }
        } catch (Exception | Error e) {
            failed.set(true);
            throw e;
        }
    }

    private void writeTables(Connection c, Queue<LegacyTable> work, ImportCheckpoint start, MappingRules rules, ImportProgress progress,
                             SourceChecksumLog sourceLog, PrefixCheckpoint prefix, AtomicBoolean failed, References refs,
                             TableImportedListener finished, Map<LegacyTable, ChunkReader> prefetched, CommittedJobs jobs)
            throws Exception {
        {
            LegacyTable table;
            while (!failed.get() && (table = work.poll()) != null) {
                long after = table == start.legacyTable() ? start.lastSourceId() : 0;
                finished.started(table, sourceLog);
                ChunkReader ahead = prefetched.remove(table);
                try (ChunkReader reader = ahead != null ? ahead : reader(table, after, rules)) {
                    PreparedChunk chunk;
                    while (!failed.get() && (chunk = reader.next()) != null) {
                        ImportCheckpoint cp = new ImportCheckpoint(start.runId(), table.tableName(), chunk.lastId(), start.asOf());
                        apply(c, chunk, cp, progress, refs, false);
                        record(sourceLog, chunk);
                        prefix.committed(table, chunk.lastId(), progress);
                    }
                }
                if (!failed.get()) {
                    if (table == LegacyTable.TASKS) {
                        jobs.complete();
                    }
                    prefix.finished(table, progress);
                    finished.imported(table, sourceLog);
                }
            }
        }
    }

    /**
     * The tables of the parallel phase from {@code first} on, in the order workers take them: tasks, which the
     * others wait for, then pages, the biggest, then the rest in import order.
     */
    private static List<LegacyTable> parallelOrder(LegacyTable first) {
        List<LegacyTable> order = new ArrayList<>();
        for (LegacyTable t : List.of(LegacyTable.TASKS, LegacyTable.PAGES)) {
            if (first.ordinal() <= t.ordinal()) {
                order.add(t);
            }
        }
        for (LegacyTable t : LegacyTable.values()) {
            if (t.ordinal() >= first.ordinal() && !order.contains(t)) {
                order.add(t);
            }
        }
        return order;
    }

    /** Reads and converts one table after {@code afterId} on threads of its own. */
    private ChunkReader reader(LegacyTable table, long afterId, MappingRules rules) {
        return new ChunkReader(sourceFile, table, afterId, table, options.chunkSize(), CONVERTER_THREADS, rows -> prepare(rows, rules));
    }

    private static void record(SourceChecksumLog log, PreparedChunk chunk) {
        for (int i = 0; i < chunk.rows().size(); i++) {
            log.record(chunk.table(), chunk.rows().get(i).id(), chunk.checksums()[i]);
        }
    }

    /**
     * Applies one chunk of source rows of one table in one transaction, with the checkpoint {@code cp}
     * (this chunk's table and last id) written in the same transaction. For a batch writer that reads and
     * converts on its own.
     */
    public void importChunk(Connection c, List<SourceRow> rows, ImportCheckpoint cp, ImportProgress progress) throws SQLException {
        if (!rows.isEmpty()) {
            apply(c, prepare(rows, new MappingRules(cp.asOf(), options.staleAfter())), cp, progress, references, true);
        }
    }

    /** Converts a chunk and computes its checksums: pure, no database, safe on any thread. */
    public PreparedChunk prepare(List<SourceRow> rows, MappingRules rules) {
        LegacyTable table = rows.get(0).table();
        TableImport<?> imp = imports.get(table);
        Object[] converted = new Object[rows.size()];
        String[] checksums = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            SourceRow row = rows.get(i);
            try {
                NulGuard.check(row);
                Object r = imp.convert(row, rules);
                converted[i] = r;
                checksums[i] = checksumOf(imp, r);
            } catch (QuarantineException q) {
                converted[i] = q;
                checksums[i] = SourceChecksums.raw(row);
            }
        }
        return new PreparedChunk(table, rows, converted, checksums);
    }

    @SuppressWarnings("unchecked")
    private static <R> String checksumOf(TableImport<R> imp, Object converted) {
        return imp.checksum((R) converted);
    }

    /** Writes a prepared chunk, its id-map and quarantine rows and the checkpoint in one transaction. */
    public void apply(Connection c, PreparedChunk chunk, ImportCheckpoint cp, ImportProgress progress) throws SQLException {
        apply(c, chunk, cp, progress, references, true);
    }

    private void apply(Connection c, PreparedChunk chunk, ImportCheckpoint cp, ImportProgress progress, References references,
                       boolean saveCheckpoint) throws SQLException {
        List<SourceRow> rows = chunk.rows();
        LegacyTable table = chunk.table();
        TableImport<?> imp = imports.get(table);
        TableCounts counts = progress.table(table.tableName());
        Map<Long, IdMapEntry> known = IdMap.loadRange(c, table.tableName(), rows.get(0).id(), chunk.lastId());
        IdMap idMap = new IdMap(table.tableName());
        QuarantineLog quarantine = new QuarantineLog(table.tableName());
        ChunkReferences checks = !options.dryRun() && imp instanceof SinkTableImport<?> sink
                ? bulkChecks.begin(c, sink.targetTable(), sink.columns()) : null;
        ChunkTx tx = new ChunkTx(c, cp.runId(), options.secretKey(), references, idMap, quarantine, sequences, checks);
        long started = System.nanoTime();
        try {
            applyRows(imp, chunk, known, tx, counts);
            if (options.dryRun()) {
                c.rollback();
                if (table == LegacyTable.TASKS) {
                    references.tasksWrittenUpTo(chunk.lastId());
                }
            } else {
                imp.endChunk(tx);
                idMap.flush(c, cp.runId(), known.keySet(), checks);
                quarantine.flush(c, cp.runId(), checks);
                if (saveCheckpoint) {
                    saveCheckpoint(c, cp);
                }
                if (checks != null) {
                    checks.verify(c);
                }
                c.commit();
                references.commit();
                if (table == LegacyTable.TASKS) {
                    references.tasksWrittenUpTo(chunk.lastId());
                }
            }
            progress.chunkDone();
            counts.writeNanos += System.nanoTime() - started;
        } catch (SQLException | RuntimeException e) {
            imp.discard();
            idMap.clear();
            quarantine.clear();
            references.rollback();
            rollbackQuietly(c, e);
            throw e;
        }
    }

    private static ImportCheckpoint earlier(ImportCheckpoint a, ImportCheckpoint b) {
        int ta = a.legacyTable().ordinal();
        int tb = b.legacyTable().ordinal();
        if (ta != tb) {
            return ta < tb ? a : b;
        }
        return a.lastSourceId() <= b.lastSourceId() ? a : b;
    }

    /**
     * Commits need not wait for the WAL flush: a server crash may lose the last chunks, but their checkpoint
     * is lost with them (same transaction) and {@link #resume} starts from the database's checkpoint.
     */
    private static void relaxCommitDurability(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("SET synchronous_commit = off");
        }
        c.commit();
        // Page texts (and other long values) are compressed in TOAST with LZ4 where the server has it: pglz
        // was about a tenth of the writers' PostgreSQL CPU (perf, 20k tasks); reading either is transparent.
        try (var st = c.createStatement()) {
            st.execute("SET default_toast_compression = lz4");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            LOG.log(Level.FINE, "PostgreSQL without LZ4: long values stay pglz-compressed", e);
        }
    }

    /**
     * Connections may come from a pool (the batch job in the application server): the next borrower must get
     * the server's default durability back. A broken connection is left as it is; the pool discards it.
     */
    private static void restoreCommitDurability(Connection c) {
        try {
            c.rollback();
            try (var st = c.createStatement()) {
                st.execute("RESET synchronous_commit");
                st.execute("RESET default_toast_compression");
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "synchronous_commit not reset on a connection that failed", e);
        }
    }

    private <R> void applyRows(TableImport<R> imp, PreparedChunk chunk, Map<Long, IdMapEntry> known, ChunkTx tx,
                               TableCounts counts) throws SQLException {
        List<SourceRow> rows = chunk.rows();
        Object[] converted = chunk.converted();
        String[] checksums = chunk.checksums();
        int newRows = 0;
        for (SourceRow row : rows) {
            IdMapEntry e = known.get(row.id());
            if (e == null || e.newId() == null) { // a row quarantined before may convert now: it needs an id too
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
