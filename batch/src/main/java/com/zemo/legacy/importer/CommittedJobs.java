package com.zemo.legacy.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The legacy task → job ids the tables hanging off tasks resolve against while tasks are still being written
 * beside them. Tasks are written in source-id order, one committed chunk after another: a lookup of task N
 * waits until the chunk holding N (or the whole table) has committed, so the answer, an id or "no such task",
 * is the one a run that wrote tasks first would give, and the job row is committed before the referring chunk
 * checks its foreign keys.
 */
final class CommittedJobs {
    private final Map<Long, Long> ids = new ConcurrentHashMap<>();
    private final AtomicBoolean failed;
    private volatile long upTo;
    private volatile boolean complete;

    CommittedJobs(long upTo, boolean complete, AtomicBoolean failed) {
        this.upTo = upTo;
        this.complete = complete;
        this.failed = failed;
    }

    /**
     * @param upTo     the tasks committed before this call, by legacy id (the run's checkpoint in tasks, else 0)
     * @param complete whether tasks are all committed already (the run resumes after them)
     * @param failed   set when the import fails: a lookup waiting for tasks gives up
     */
    static CommittedJobs load(Connection c, long upTo, boolean complete, AtomicBoolean failed) throws SQLException {
        CommittedJobs jobs = new CommittedJobs(upTo, complete, failed);
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT legacy_id, new_id FROM legacy_id_map WHERE table_name = 'tasks' AND new_id IS NOT NULL")) {
            while (rs.next()) {
                jobs.ids.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return jobs;
    }

    /** The job of legacy task {@code legacyTaskId}, or null when there is none; waits for its chunk to commit. */
    Long get(long legacyTaskId) {
        if (!complete && legacyTaskId > upTo) {
            await(legacyTaskId);
        }
        return ids.get(legacyTaskId);
    }

    /** The new jobs of a chunk of tasks that has committed. */
    void add(Map<Long, Long> newJobs) {
        ids.putAll(newJobs);
    }

    /** Every task up to {@code lastLegacyId} is committed (or quarantined, or was never there): after {@link #add}. */
    synchronized void writtenUpTo(long lastLegacyId) {
        upTo = lastLegacyId;
        notifyAll();
    }

    /** Every chunk of tasks committed. */
    synchronized void complete() {
        complete = true;
        notifyAll();
    }

    private synchronized void await(long legacyTaskId) {
        while (!complete && legacyTaskId > upTo) {
            if (failed.get()) {
                throw new PrefixCheckpoint.StoppedElsewhere("the tasks this chunk points at were not written", null);
            }
            try {
                wait(100); // and look at failed again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PrefixCheckpoint.StoppedElsewhere("interrupted while waiting for tasks to be written", e);
            }
        }
    }
}
