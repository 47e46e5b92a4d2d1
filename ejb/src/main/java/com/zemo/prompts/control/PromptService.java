package com.zemo.prompts.control;

import com.zemo.analysis.engine.brief.Brief;
import com.zemo.generation.batch.BriefJson;
import com.zemo.generation.batch.GenerationInputs;
import com.zemo.generation.batch.GenerationInputs.AnalysisRow;
import com.zemo.generation.batch.GenerationInputs.PageRow;
import com.zemo.identity.control.AuditService;
import com.zemo.identity.control.Caller;
import com.zemo.identity.entity.Role;
import com.zemo.jobs.control.JobService;
import com.zemo.jobs.entity.Job;
import com.zemo.ops.control.ReadOnlyMode;
import com.zemo.platform.ZemoException;
import com.zemo.prompts.entity.Prompt;
import com.zemo.prompts.entity.PromptVersion;
import com.zemo.prompts.template.PromptTemplate;
import com.zemo.prompts.template.TemplateValues;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prompt templates: every edit a new version, private or shared, soft delete. Owners and admins change a prompt;
 * editors, operators and admins create; everyone signed in reads their own and the shared ones.
 */
@Stateless
public class PromptService {
    public static final int MAX_TITLE = 300;
    public static final int MAX_BODY = 100_000;
    public static final int MAX_MODEL = 100;

    @PersistenceContext(unitName = "zemo")
    EntityManager em;

    @EJB
    AuditService audit;

    @EJB
    JobService jobs;

    @Inject
    GenerationInputs inputs;

    @Inject
    ReadOnlyMode readOnly;

    /** What a prompt is made of on create and update. */
    public record Draft(String title, String body, String model, BigDecimal temperature, Integer maxTokens, Boolean shared) {
    }

    /** A prompt with its current version and its version history (loaded inside the transaction). */
    public record Detail(Prompt prompt, PromptVersion current, List<PromptVersion> versions) {
    }

    /** The rendered text and what went into it. */
    public record Preview(String text, int version, List<String> placeholders, List<String> empty, Long analysisId, String keyword) {
    }

    public List<Prompt> list(Caller caller, boolean deleted, int offset, int limit) {
        return em.createQuery(deleted
                        ? "SELECT p FROM Prompt p WHERE p.deletedAt IS NOT NULL AND p.ownerId = :u ORDER BY p.id DESC"
                        : "SELECT p FROM Prompt p WHERE p.deletedAt IS NULL AND (p.ownerId = :u OR p.shared = TRUE) ORDER BY p.id DESC",
                        Prompt.class)
                .setParameter("u", caller.userId()).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(Caller caller, boolean deleted) {
        return em.createQuery(deleted
                        ? "SELECT COUNT(p) FROM Prompt p WHERE p.deletedAt IS NOT NULL AND p.ownerId = :u"
                        : "SELECT COUNT(p) FROM Prompt p WHERE p.deletedAt IS NULL AND (p.ownerId = :u OR p.shared = TRUE)", Long.class)
                .setParameter("u", caller.userId()).getSingleResult();
    }

    public Detail get(Caller caller, long id) {
        return detail(readable(caller, id));
    }

    public PromptVersion version(Caller caller, long id, int n) {
        Prompt p = readable(caller, id);
        return p.getVersions().stream().filter(v -> v.getVersion() == n).findFirst()
                .orElseThrow(() -> ZemoException.notFound("version " + n + " of prompt " + id));
    }

    public Detail create(Caller caller, Draft d, String ip) {
        readOnly.check();
        requireWriter(caller);
        if (d == null) {
            throw ZemoException.invalid("title and body are required");
        }
        check(d, true);
        Prompt p;
        try {
            p = new Prompt(caller.userId(), d.title(), d.body(), blankToNull(d.model()), d.temperature(), d.maxTokens());
        } catch (IllegalArgumentException e) {
            throw ZemoException.invalid(e.getMessage());
        }
        if (Boolean.TRUE.equals(d.shared())) {
            p.share(true);
        }
        em.persist(p);
        em.flush();
        audit.record(caller.userId(), caller.username(), "prompt.create", "prompt " + p.getId(),
                "version 1" + (p.isShared() ? ", shared" : ""), ip);
        return detail(p);
    }

    /** A new version from the given fields; absent ones are taken from the current version. */
    public Detail update(Caller caller, long id, Draft d, String ip) {
        readOnly.check();
        Prompt p = writable(caller, id);
        if (d == null) {
            throw ZemoException.invalid("nothing to change");
        }
        check(d, false);
        PromptVersion cur = p.current();
        try {
            if (d.title() != null) {
                p.retitle(d.title());
            }
            p.edit(d.body() != null ? d.body() : cur.getBody(),
                    d.model() != null ? blankToNull(d.model()) : cur.getModel(),
                    d.temperature() != null ? d.temperature() : cur.getTemperature(),
                    d.maxTokens() != null ? d.maxTokens() : cur.getMaxTokens(), caller.userId());
        } catch (IllegalArgumentException e) {
            throw ZemoException.invalid(e.getMessage());
        } catch (IllegalStateException e) {
            throw ZemoException.conflict(e.getMessage());
        }
        if (d.shared() != null) {
            p.share(d.shared());
        }
        em.flush();
        audit.record(caller.userId(), caller.username(), "prompt.update", "prompt " + id, "version " + p.getCurrentVersion(), ip);
        return detail(p);
    }

    public Detail share(Caller caller, long id, boolean shared, String ip) {
        readOnly.check();
        Prompt p = writable(caller, id);
        p.share(shared);
        audit.record(caller.userId(), caller.username(), shared ? "prompt.share" : "prompt.unshare", "prompt " + id, null, ip);
        return detail(p);
    }

    public void delete(Caller caller, long id, String ip) {
        readOnly.check();
        Prompt p = writable(caller, id);
        p.softDelete(OffsetDateTime.now());
        audit.record(caller.userId(), caller.username(), "prompt.delete", "prompt " + id, null, ip);
    }

    public Detail restore(Caller caller, long id, String ip) {
        readOnly.check();
        Prompt p = owned(caller, id);
        if (!p.isDeleted()) {
            throw ZemoException.conflict("prompt " + id + " is not deleted");
        }
        p.restore();
        audit.record(caller.userId(), caller.username(), "prompt.restore", "prompt " + id, null, ip);
        return detail(p);
    }

    /**
     * The prompt rendered with a job's data (its analysis, or its params), an analysis, or values given by hand
     * (these win over the others).
     */
    public Preview preview(Caller caller, long id, Integer versionNumber, Long jobId, Long analysisId, Map<String, String> values) {
        Prompt p = readable(caller, id);
        PromptVersion v = versionNumber == null ? p.current() : version(caller, id, versionNumber);
        PromptTemplate t = PromptTemplate.parse(v.getBody());
        Optional<AnalysisRow> analysis = Optional.empty();
        String keyword = null;
        if (jobId != null) {
            Job job = jobs.get(caller, jobId);
            analysis = inputs.analysisOfJob(jobId);
            JsonObject params = params(job);
            if (analysis.isEmpty() && params.get("analysisId") instanceof JsonNumber n) {
                analysis = inputs.analysis(n.longValue());
            }
            if (params.get("keyword") instanceof JsonString k) {
                keyword = k.getString();
            } else if (params.get("query") instanceof JsonString q) {
                keyword = q.getString();
            }
        } else if (analysisId != null) {
            AnalysisRow a = inputs.analysis(analysisId).orElseThrow(() -> ZemoException.notFound("analysis " + analysisId));
            if (a.jobId() != null) {
                jobs.get(caller, a.jobId());   // 404 unless the caller may see the job behind it
            } else if (!caller.isOperator()) {
                throw ZemoException.notFound("analysis " + analysisId);
            }
            analysis = Optional.of(a);
        }
        Brief brief = analysis.map(AnalysisRow::briefJson).filter(b -> b != null && !b.isBlank()).map(BriefJson::parse).orElse(null);
        if (keyword == null) {
            keyword = analysis.map(AnalysisRow::keyword).orElse(brief == null ? null : brief.query());
        }
        TemplateValues tv = brief != null ? TemplateValues.of(brief, keyword) : TemplateValues.of(keyword);
        List<PageRow> pages = analysis.map(a -> inputs.pagesFor(a.jobId())).orElse(List.of());
        if (!pages.isEmpty()) {
            tv.withPages(pages.stream().map(PageRow::title).toList(), pages.stream().map(PageRow::url).toList());
        }
        try {
            tv.withExtra(values);
        } catch (IllegalArgumentException e) {
            throw ZemoException.invalid(e.getMessage());
        }
        Map<String, String> all = tv.asMap();
        return new Preview(t.render(all), v.getVersion(), List.copyOf(t.placeholders()), t.missing(all),
                analysis.map(AnalysisRow::id).orElse(null), all.get("keyword"));
    }

    // ------------------------------------------------------------------ access

    private Prompt find(long id) {
        Prompt p = em.find(Prompt.class, id);
        if (p == null) {
            throw ZemoException.notFound("prompt " + id);
        }
        return p;
    }

    /** Own, shared or (admin) any; a deleted one only for its owner and admins. Others: 404, not 403. */
    private Prompt readable(Caller caller, long id) {
        Prompt p = find(id);
        boolean own = isOwner(caller, p);
        if (p.isDeleted() ? !(own || caller.isAdmin()) : !(own || p.isShared() || caller.isAdmin())) {
            throw ZemoException.notFound("prompt " + id);
        }
        return p;
    }

    /** Readable, not deleted, and the caller is its owner or an admin (a shared prompt is read-only to others). */
    private Prompt writable(Caller caller, long id) {
        requireWriter(caller);
        Prompt p = readable(caller, id);
        if (!isOwner(caller, p) && !caller.isAdmin()) {
            throw ZemoException.forbidden("only the owner of prompt " + id + " or an admin may change it");
        }
        if (p.isDeleted()) {
            throw ZemoException.conflict("prompt " + id + " is deleted; restore it first");
        }
        return p;
    }

    private Prompt owned(Caller caller, long id) {
        requireWriter(caller);
        Prompt p = readable(caller, id);
        if (!isOwner(caller, p) && !caller.isAdmin()) {
            throw ZemoException.forbidden("only the owner of prompt " + id + " or an admin may change it");
        }
        return p;
    }

    private static boolean isOwner(Caller caller, Prompt p) {
        return p.getOwnerId() != null && p.getOwnerId() == caller.userId();
    }

    private static void requireWriter(Caller caller) {
        if (!(caller.has(Role.EDITOR) || caller.has(Role.OPERATOR) || caller.has(Role.ADMIN))) {
            throw ZemoException.forbidden("viewers may read prompts but not change them");
        }
    }

    // ------------------------------------------------------------------ checks

    static void check(Draft d, boolean creating) {
        if (creating && (d.title() == null || d.title().isBlank())) {
            throw ZemoException.invalid("title is required");
        }
        if (d.title() != null && (d.title().isBlank() || d.title().strip().length() > MAX_TITLE)) {
            throw ZemoException.invalid("title must be 1-" + MAX_TITLE + " characters");
        }
        if (creating && d.body() == null) {
            throw ZemoException.invalid("body is required");
        }
        if (d.body() != null) {
            if (d.body().length() > MAX_BODY) {
                throw ZemoException.invalid("body must be at most " + MAX_BODY + " characters");
            }
            try {
                PromptTemplate.parse(d.body());
            } catch (IllegalArgumentException e) {
                throw ZemoException.invalid("body: " + e.getMessage());
            }
        }
        if (d.model() != null && d.model().strip().length() > MAX_MODEL) {
            throw ZemoException.invalid("model must be at most " + MAX_MODEL + " characters");
        }
        if (d.temperature() != null && (d.temperature().signum() < 0 || d.temperature().compareTo(BigDecimal.valueOf(2)) > 0)) {
            throw ZemoException.invalid("temperature must be between 0 and 2");
        }
        if (d.maxTokens() != null && (d.maxTokens() < 1 || d.maxTokens() > 200_000)) {
            throw ZemoException.invalid("maxTokens must be between 1 and 200000");
        }
    }

    private static Detail detail(Prompt p) {
        List<PromptVersion> versions = List.copyOf(p.getVersions());
        return new Detail(p, p.current(), versions);
    }

    private static JsonObject params(Job job) {
        String json = job.getParams();
        if (json == null || json.isBlank()) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try {
            return Json.createReader(new StringReader(json)).readObject();
        } catch (RuntimeException e) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
