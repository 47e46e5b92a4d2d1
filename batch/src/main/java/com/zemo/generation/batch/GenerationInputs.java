package com.zemo.generation.batch;

import com.zemo.platform.ZemoDb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a generation is made from, read with plain JDBC (batch cannot see the ejb services): a prompt version,
 * an analysis and its brief, the competitor pages behind it. The prompts preview uses the same reads.
 */
@ApplicationScoped
public class GenerationInputs {
    /** Competitor pages put in {{pages.*}}: enough for a prompt, bounded. */
    static final int MAX_PAGES = 30;

    @Inject
    @ZemoDb
    DataSource ds;

    /** A prompt version as the job uses it. */
    public record PromptVersionRow(long id, long promptId, int version, String body, String model,
                                   BigDecimal temperature, Integer maxTokens) {
    }

    /** The prompt's access facts: who owns it, shared, deleted. */
    public record PromptAccess(long promptId, Long ownerId, boolean shared, boolean deleted, long currentVersionId) {
    }

    /** An analysis row: its keyword, its brief (JSON, may be null) and the job that made it. */
    public record AnalysisRow(long id, Long jobId, String keyword, String briefJson) {
    }

    /** A competitor page. */
    public record PageRow(String title, String url) {
    }

    public Optional<PromptAccess> promptAccess(long promptId) {
        return query("SELECT p.id, p.owner_id, p.shared, p.deleted_at IS NOT NULL, v.id FROM prompts p "
                + "JOIN prompt_versions v ON v.prompt_id = p.id AND v.version = p.current_version WHERE p.id = ?", promptId,
                rs -> new PromptAccess(rs.getLong(1), (Long) rs.getObject(2), rs.getBoolean(3), rs.getBoolean(4), rs.getLong(5)));
    }

    public Optional<PromptVersionRow> promptVersion(long versionId) {
        return query("SELECT id, prompt_id, version, body, model, temperature, max_tokens FROM prompt_versions WHERE id = ?",
                versionId, rs -> new PromptVersionRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), (Integer) rs.getObject(7)));
    }

    public Optional<AnalysisRow> analysis(long id) {
        return query("SELECT id, job_id, keyword, brief::text FROM analyses WHERE id = ?", id,
                rs -> new AnalysisRow(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4)));
    }

    /** The newest analysis a job (or, for a pipeline, one of its steps) stored. */
    public Optional<AnalysisRow> analysisOfJob(long jobId) {
        return query("SELECT id, job_id, keyword, brief::text FROM analyses WHERE job_id = ? "
                + "OR job_id IN (SELECT id FROM jobs WHERE parent_id = ?) ORDER BY id DESC LIMIT 1", jobId,
                rs -> new AnalysisRow(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4)),
                jobId);
    }

    /**
     * Whether a user may use an analysis: one made by a job they can see (their own; operators and admins see all).
     * An analysis without a job (imported) is for operators and admins.
     */
    public boolean maySee(long userId, AnalysisRow a) {
        boolean privileged = query("SELECT 1 FROM user_roles WHERE user_id = ? AND role IN ('admin', 'operator')", userId,
                rs -> Boolean.TRUE).isPresent();
        if (privileged) {
            return true;
        }
        return a.jobId() != null && query("SELECT 1 FROM jobs WHERE id = ? AND owner_id = ?", a.jobId(), rs -> Boolean.TRUE, userId).isPresent();
    }

    /** Admins may use any prompt. */
    public boolean isAdmin(long userId) {
        return query("SELECT 1 FROM user_roles WHERE user_id = ? AND role = 'admin'", userId, rs -> Boolean.TRUE).isPresent();
    }

    public Optional<Long> jobOwner(long jobId) {
        return query("SELECT owner_id FROM jobs WHERE id = ?", jobId, rs -> (Long) rs.getObject(1));
    }

    /**
     * Pages fetched for the analysis' job: its own, its children's, or (inside a pipeline) its siblings', in the
     * order they were stored (SERP order), without failed fetches.
     */
    public List<PageRow> pagesFor(Long analysisJobId) {
        List<PageRow> out = new ArrayList<>();
        if (analysisJobId == null) {
            return out;
        }
        String sql = "SELECT title, COALESCE(final_url, url) FROM pages WHERE error IS NULL AND job_id IN ("
                + "SELECT id FROM jobs WHERE id = ? OR parent_id = ? "
                + "OR (parent_id IS NOT NULL AND parent_id = (SELECT parent_id FROM jobs WHERE id = ?))) ORDER BY id LIMIT " + MAX_PAGES;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, analysisJobId);
            ps.setLong(2, analysisJobId);
            ps.setLong(3, analysisJobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PageRow(rs.getString(1) == null ? "" : rs.getString(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the pages of job " + analysisJobId, e);
        }
        return out;
    }

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> query(String sql, long id, Row<T> row, long... more) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            for (int i = 0; i < more.length; i++) {
                ps.setLong(i + 2, more[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading generation inputs", e);
        }
    }
}
