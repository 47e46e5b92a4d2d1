package com.zemo.analysis.control;

import com.zemo.analysis.batch.AnalysisEngines;
import com.zemo.analysis.batch.AnalysisJson;
import com.zemo.analysis.engine.brief.Brief;
import com.zemo.analysis.engine.brief.HtmlBriefRenderer;
import com.zemo.analysis.engine.brief.MarkdownBriefRenderer;
import com.zemo.analysis.engine.score.ContentScore;
import com.zemo.analysis.entity.Analysis;
import com.zemo.identity.control.Caller;
import com.zemo.jobs.control.JobService;
import com.zemo.platform.ZemoException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Analyses and their briefs: read, render for a writer, score a text against one. Who may see an analysis is who
 * may see the job that made it; analyses without a job (migrated ones) are for operators and admins.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AnalysisService {
    public static final int MAX_TEXT = 200_000;

    @PersistenceContext
    EntityManager em;

    @EJB
    JobService jobs;

    @Inject
    AnalysisEngines engines;

    public Analysis get(Caller caller, long id) {
        Analysis a = em.find(Analysis.class, id);
        if (a == null) {
            throw ZemoException.notFound("analysis " + id);
        }
        if (a.getJobId() == null) {
            if (!caller.isOperator()) {
                throw ZemoException.notFound("analysis " + id);
            }
        } else {
            try {
                jobs.get(caller, a.getJobId());
            } catch (ZemoException e) {
                throw ZemoException.notFound("analysis " + id);
            }
        }
        return a;
    }

    public Brief brief(Caller caller, long id) {
        Analysis a = get(caller, id);
        if (a.getBrief() == null) {
            throw ZemoException.invalid("analysis " + id + " has no brief (a migrated analysis without one)");
        }
        try {
            return AnalysisJson.fromJson(a.getBrief(), Brief.class);
        } catch (RuntimeException e) {
            throw ZemoException.invalid("the brief of analysis " + id + " cannot be read: it was stored in an older shape");
        }
    }

    public String markdown(Caller caller, long id) {
        return new MarkdownBriefRenderer().render(brief(caller, id));
    }

    public String html(Caller caller, long id) {
        return new HtmlBriefRenderer().render(brief(caller, id));
    }

    public byte[] docx(Caller caller, long id) {
        return new com.zemo.analysis.engine.brief.DocxBriefRenderer().render(brief(caller, id));
    }

    /** One line of the "pick a brief" list: the caller's own analyses, newest first. */
    public record Recent(long id, String keyword, java.time.OffsetDateTime createdAt, long jobId) implements java.io.Serializable {
    }

    /** The caller's own recent analyses (operators too: the list is for picking one's own work; the id field takes any). */
    public java.util.List<Recent> recent(Caller caller, int limit) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery("SELECT a.id, a.keyword, a.created_at, a.job_id FROM analyses a JOIN jobs j ON j.id = a.job_id "
                        + "WHERE j.owner_id = ?1 ORDER BY a.created_at DESC, a.id DESC")
                .setParameter(1, caller.userId()).setMaxResults(Math.max(1, Math.min(limit, 200))).getResultList();
        return rows.stream().map(r -> new Recent(((Number) r[0]).longValue(), r[1] == null ? "" : (String) r[1], created(r[2]),
                ((Number) r[3]).longValue())).toList();
    }

    private static java.time.OffsetDateTime created(Object v) {
        if (v instanceof java.time.OffsetDateTime o) {
            return o;
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (v instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }

    /** How often a text uses every term of the analysis's brief. */
    public java.util.List<com.zemo.analysis.engine.score.TermUsage> termUsage(Caller caller, long id, String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            return java.util.List.of();
        }
        return engines.engine().termUsage(text, null, brief(caller, id));
    }

    public ContentScore score(Caller caller, long id, String text, String title) {
        if (text == null || text.isBlank()) {
            throw ZemoException.invalid("text is required");
        }
        if (text.length() > MAX_TEXT) {
            throw ZemoException.invalid("text must be at most " + MAX_TEXT + " characters");
        }
        return engines.engine().score(text, title, brief(caller, id));
    }
}
