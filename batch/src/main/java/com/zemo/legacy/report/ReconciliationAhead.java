package com.zemo.legacy.report;

import com.zemo.legacy.importer.SourceChecksumLog;
import com.zemo.legacy.importer.TableImportedListener;
import com.zemo.legacy.source.LegacyTable;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reconciles the tables on threads of its own during the import: users to prompts as soon as they are
 * imported, tasks and each table after them chunk by chunk while it is written. The report then waits only for the
 * last chunks, instead of reading everything back after the import. Only for a run that read the whole file (its source checksums are
 * complete); a resumed run's report reads the file again after the import, as before.
 * <p>
 * A table is final once finished: later tables only point at it, and each table's id-map and quarantine rows
 * carry its own name. The report is the one {@link Reconciler#reconcile} gives after the import. Anything
 * reconciled ahead that failed is reconciled again in {@link #finish}; an import that stops or fails simply
 * {@link #close}s this (nothing was written).
 */
public final class ReconciliationAhead implements TableImportedListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ReconciliationAhead.class.getName());

    private final Reconciler reconciler;
    /**
     * Three threads: one for each table the import writes side by side (pages, task_logs and serp_results,
     * reconciled while they are written), which also take users to prompts before them. Each ends when idle: a
     * job stopped between its steps never calls {@link #finish}.
     */
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(3, 3, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "legacy-reconcile-ahead");
        t.setDaemon(true);
        return t;
    });

    {
        thread.allowCoreThreadTimeOut(true);
    }
    private final Map<LegacyTable, Future<TableReconciliation>> ahead = new ConcurrentHashMap<>();
    /** Tables reconciled while they are written: set once the import has finished them. */
    private final Map<LegacyTable, AtomicBoolean> imported = new ConcurrentHashMap<>();
    private volatile SourceChecksumLog sourceLog;

    public ReconciliationAhead(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    /** Tasks or a table after them: reconciled chunk by chunk as it is written, to its end once it is imported. */
    @Override
    public void started(LegacyTable table, SourceChecksumLog log) {
        if (!log.complete()) {
            return;
        }
        AtomicBoolean done = new AtomicBoolean();
        imported.put(table, done);
        try {
            ahead.computeIfAbsent(table, t -> thread.submit(() -> {
                TableReconciliation r = reconciler.reconcileWhileImported(t, log, done::get);
                LOG.fine(() -> "reconciled " + t.tableName() + " while it was imported");
                return r;
            }));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "reconciliation ahead closed; " + table + " is reconciled at the end", e);
        }
    }

    @Override
    public void imported(LegacyTable table, SourceChecksumLog log) {
        if (!log.complete()) {
            return;
        }
        AtomicBoolean whileWritten = imported.get(table);
        if (whileWritten != null) {
            whileWritten.set(true); // its reconciliation reads the rest of the log and ends
            return;
        }
        try {
            ahead.computeIfAbsent(table, t -> thread.submit(() -> {
                long started = System.nanoTime();
                TableReconciliation r = reconciler.reconcileTables(List.of(t), log).get(0);
                LOG.fine(() -> "reconciled " + t.tableName() + " ahead in " + (System.nanoTime() - started) / 1_000_000 + " ms");
                return r;
            }));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "reconciliation ahead closed; " + table + " is reconciled at the end", e);
        }
    }

    /** The import ended: its source checksums, which {@link #finish} reconciles against. */
    public void importCompleted(SourceChecksumLog log) {
        this.sourceLog = log;
    }

    /**
     * The report of run {@code runId}: the tables reconciled ahead, the others (and any that failed) now.
     * Without the import's complete source checksums (a resumed run), the whole file is read again.
     */
    public ReconciliationReport finish(long runId) throws SQLException {
        try {
            SourceChecksumLog log = Reconciler.usable(sourceLog);
            if (log == null) {
                return reconciler.reconcile(runId, null);
            }
            List<TableReconciliation> tables = new ArrayList<>();
            for (LegacyTable t : LegacyTable.values()) {
                TableReconciliation r = awaitAhead(t);
                tables.add(r != null ? r : reconciler.reconcileTables(List.of(t), log).get(0));
            }
            return reconciler.report(runId, log, tables);
        } finally {
            close();
        }
    }

    private TableReconciliation awaitAhead(LegacyTable table) throws SQLException {
        Future<TableReconciliation> f = ahead.get(table);
        if (f == null) {
            return null;
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the reconciliation of " + table.tableName(), e);
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "reconciling " + table.tableName() + " ahead failed; reconciling it again", e.getCause());
            return null;
        }
    }

    /** The tables handed to the thread so far (for tests). */
    java.util.Set<LegacyTable> tablesAhead() {
        return java.util.Set.copyOf(ahead.keySet());
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
