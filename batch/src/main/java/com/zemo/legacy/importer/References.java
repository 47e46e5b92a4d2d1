package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.LegacyEmails;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Legacy id → Zemo id of the rows other tables point at (users, prompts and their version 1, tasks),
 * loaded from PostgreSQL when first needed, so a resumed run sees what earlier runs committed.
 */
final class References {
    /** A prompt and the id of its version 1, which generations point at. */
    record PromptIds(long promptId, long versionId) {
    }

    private StagedMap<Long, Long> users;
    private StagedMap<String, Long> identities;
    private StagedMap<Long, PromptIds> prompts;
    private StagedMap<Long, Long> jobs;
    /** Tasks written side by side with this worker's table; null: jobs are looked up in {@link #jobs}. */
    private final CommittedJobs committedJobs;

    References() {
        this(null);
    }

    References(CommittedJobs committedJobs) {
        this.committedJobs = committedJobs;
    }

    /**
     * The job of a legacy task that a row of a table after tasks points at, or null when there is none. While
     * tasks are written beside that table this waits until the task's chunk has committed.
     */
    Long job(Connection c, long legacyTaskId) throws SQLException {
        return committedJobs != null ? committedJobs.get(legacyTaskId) : jobs(c).get(legacyTaskId);
    }

    StagedMap<Long, Long> users(Connection c) throws SQLException {
        if (users == null) {
            users = new StagedMap<>();
            load(c, "SELECT legacy_id, new_id FROM legacy_id_map WHERE table_name = 'users' AND new_id IS NOT NULL", users);
        }
        return users;
    }

    /** Identity key (address trimmed, lower-cased) → the user every account with that address belongs to. */
    StagedMap<String, Long> identities(Connection c) throws SQLException {
        if (identities == null) {
            identities = new StagedMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, coalesce(legacy_email, email) FROM users ORDER BY id DESC")) {
                while (rs.next()) {
                    String key = LegacyEmails.key(rs.getString(2));
                    if (key != null && !key.isEmpty()) {
                        identities.putCommitted(key, rs.getLong(1)); // ascending wins: the oldest account is primary
                    }
                }
            }
        }
        return identities;
    }

    StagedMap<Long, PromptIds> prompts(Connection c) throws SQLException {
        if (prompts == null) {
            prompts = new StagedMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT m.legacy_id, m.new_id, v.id FROM legacy_id_map m "
                         + "JOIN prompt_versions v ON v.prompt_id = m.new_id AND v.version = 1 "
                         + "WHERE m.table_name = 'prompts' AND m.new_id IS NOT NULL")) {
                while (rs.next()) {
                    prompts.putCommitted(rs.getLong(1), new PromptIds(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return prompts;
    }

    StagedMap<Long, Long> jobs(Connection c) throws SQLException {
        if (jobs == null) {
            jobs = new StagedMap<>();
            load(c, "SELECT legacy_id, new_id FROM legacy_id_map WHERE table_name = 'tasks' AND new_id IS NOT NULL", jobs);
        }
        return jobs;
    }

    /** After the chunk's commit: its additions become visible, to the workers of the other tables too. */
    void commit() {
        if (committedJobs != null && jobs != null) {
            committedJobs.add(jobs.staged());
        }
        for (StagedMap<?, ?> m : new StagedMap<?, ?>[]{users, identities, prompts, jobs}) {
            if (m != null) {
                m.commit();
            }
        }
    }

    /** The chunk of tasks up to {@code lastLegacyId} has committed (or, in a dry run, rolled back). */
    void tasksWrittenUpTo(long lastLegacyId) {
        if (committedJobs != null) {
            committedJobs.writtenUpTo(lastLegacyId);
        }
    }

    void rollback() {
        for (StagedMap<?, ?> m : new StagedMap<?, ?>[]{users, identities, prompts, jobs}) {
            if (m != null) {
                m.rollback();
            }
        }
    }

    private static void load(Connection c, String sql, StagedMap<Long, Long> into) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                into.putCommitted(rs.getLong(1), rs.getLong(2));
            }
        }
    }
}
