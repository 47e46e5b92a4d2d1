package com.zemo.jobs.control;

import com.zemo.analysis.entity.Analysis;
import com.zemo.generation.entity.Generation;
import com.zemo.identity.control.Caller;
import com.zemo.jobs.entity.Job;
import com.zemo.scrape.entity.Page;
import com.zemo.serp.entity.SerpResult;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * What a job produced, by type: the SERP with its positions, the pages a scrape stored, the analysis and brief, the
 * generated text with its score; a pipeline's result holds each step's. Read-only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JobResults {

    @PersistenceContext
    EntityManager em;

    @EJB
    JobService jobs;

    public JsonObject of(Caller caller, long jobId) {
        Job job = jobs.get(caller, jobId);
        JsonObjectBuilder b = head(job);
        if ("pipeline".equals(job.getType())) {
            JsonArrayBuilder steps = Json.createArrayBuilder();
            for (Job child : jobs.children(job)) {
                JsonObjectBuilder step = head(child);
                details(child, step);
                steps.add(step);
            }
            b.add("steps", steps);
        } else {
            details(job, b);
        }
        return b.build();
    }

    /** The pages a job stored (a scrape, or a pipeline's scrape step). */
    public JsonObject pages(Caller caller, long jobId) {
        Job job = jobs.get(caller, jobId);
        long source = job.getId();
        if ("pipeline".equals(job.getType())) {
            source = jobs.children(job).stream().filter(c -> "scrape".equals(c.getType())).map(Job::getId).reduce((a, b) -> b).orElse(source);
        }
        return Json.createObjectBuilder().add("jobId", jobId).add("pages", pages(source)).build();
    }

    /** One stored page with its text and outline; visible to whoever may see its job. */
    public JsonObject page(Caller caller, long pageId) {
        Page p = em.find(Page.class, pageId);
        if (p == null || p.getJobId() == null) {
            throw com.zemo.platform.ZemoException.notFound("page " + pageId);
        }
        try {
            jobs.get(caller, p.getJobId());
        } catch (com.zemo.platform.ZemoException e) {
            throw com.zemo.platform.ZemoException.notFound("page " + pageId);
        }
        return PageViews.full(p);
    }

    /** One generated text with its score; visible to whoever may see its job. */
    public JsonObject generation(Caller caller, long id) {
        Generation g = em.find(Generation.class, id);
        if (g == null || (g.getJobId() == null && !caller.isOperator())) {
            throw com.zemo.platform.ZemoException.notFound("generation " + id);
        }
        if (g.getJobId() != null) {
            try {
                jobs.get(caller, g.getJobId());
            } catch (com.zemo.platform.ZemoException e) {
                throw com.zemo.platform.ZemoException.notFound("generation " + id);
            }
        }
        return GenerationViews.of(g);
    }

    private static JsonObjectBuilder head(Job job) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("jobId", job.getId())
                .add("type", job.getType())
                .add("status", job.getStatus().dbValue());
        b.add("summary", parse(job.getResult()));
        if (job.getError() != null) {
            b.add("error", job.getError());
        }
        return b;
    }

    private void details(Job job, JsonObjectBuilder b) {
        switch (job.getType()) {
            case "serp" -> b.add("results", serp(job.getId()));
            case "scrape" -> b.add("pages", pages(job.getId()));
            case "analyze" -> analysis(job.getId(), b);
            case "generate" -> b.add("generations", generations(job.getId()));
            default -> {
            }
        }
    }

    private JsonArrayBuilder serp(long jobId) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (SerpResult r : em.createNamedQuery(SerpResult.OF_JOB, SerpResult.class).setParameter("jobId", jobId).getResultList()) {
            a.add(Json.createObjectBuilder()
                    .add("position", r.getPosition() == null ? 0 : r.getPosition())
                    .add("url", nz(r.getUrl()))
                    .add("title", nz(r.getTitle()))
                    .add("snippet", nz(r.getSnippet())));
        }
        return a;
    }

    JsonArrayBuilder pages(long jobId) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        List<Page> pages = em.createNamedQuery(Page.OF_JOB, Page.class).setParameter("jobId", jobId).getResultList();
        for (Page p : pages) {
            a.add(PageViews.summary(p));
        }
        return a;
    }

    private void analysis(long jobId, JsonObjectBuilder b) {
        List<Analysis> found = em.createNamedQuery(Analysis.OF_JOB, Analysis.class).setParameter("jobId", jobId).setMaxResults(1).getResultList();
        if (found.isEmpty()) {
            return;
        }
        Analysis a = found.get(0);
        JsonObject data = parse(a.getData()) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        JsonObjectBuilder analysis = Json.createObjectBuilder()
                .add("id", a.getId())
                .add("keyword", nz(a.getKeyword()))
                .add("brief", parse(a.getBrief()));
        JsonValue competitors = data.get("competitors");
        if (data.get("scrapeJobId") instanceof jakarta.json.JsonNumber scrape) {
            // the dashboard's re-run submits a new analyze job over the same stored pages
            analysis.add("scrapeJobId", scrape.longValue());
        }
        if (competitors instanceof JsonObject c && c.containsKey("verdicts")) {
            analysis.add("pages", c.get("verdicts"));
        }
        b.add("analysis", analysis);
    }

    private JsonArrayBuilder generations(long jobId) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Generation g : em.createNamedQuery(Generation.OF_JOB, Generation.class).setParameter("jobId", jobId).getResultList()) {
            a.add(GenerationViews.of(g));
        }
        return a;
    }

    static JsonValue parse(String json) {
        return com.zemo.platform.JsonText.parse(json);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
