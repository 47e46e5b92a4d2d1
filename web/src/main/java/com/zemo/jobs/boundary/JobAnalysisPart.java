package com.zemo.jobs.boundary;

import com.zemo.analysis.control.AnalysisService;
import com.zemo.analysis.engine.score.TermUsage;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.identity.control.Caller;
import com.zemo.identity.entity.Role;
import com.zemo.jobs.control.JobService;
import com.zemo.jobs.entity.Job;
import com.zemo.platform.boundary.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job page's brief tab: which competitor pages the analysis used (a checkbox each, for a re-run on the stored
 * pages with pages left in or out) and the term coverage chart. Rows are kept in the view so a postback needs no
 * second read of the result.
 */
@Named("jobAnalysis")
@ViewScoped
public class JobAnalysisPart implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int CHART_TERMS = 25;

    /** A competitor page as the analysis judged it, with its SERP position when this job (or its pipeline) has the SERP. */
    public record PageRow(String url, String host, Integer position, boolean included, String reason) implements Serializable {
    }

    /**
     * A term of the brief: on how many of the analysed pages it occurs, the recommended range, and how often the
     * generated text uses it (null: no text). Widths are percentages for the CSS bars.
     */
    public record TermBar(String term, int pages, int pagesAnalysed, int min, int max, Integer textCount,
                          int pagesWidth, int textWidth, boolean inRange) implements Serializable {
    }

    @Inject
    transient CurrentCaller current;

    @Inject
    JobPage page;

    @EJB
    transient JobService jobs;

    @EJB
    transient AnalysisService analyses;

    private boolean loaded;
    private Long analysisId;
    private Long scrapeJobId;
    private String query;
    private String language;
    private boolean mayRerun;
    private List<PageRow> rows = List.of();
    private List<TermBar> terms = List.of();
    private final Map<String, Boolean> use = new HashMap<>();

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        JsonObject a = page.analysis();
        if (a == null) {
            return;
        }
        analysisId = a.getJsonNumber("id").longValue();
        scrapeJobId = a.get("scrapeJobId") instanceof JsonNumber n ? n.longValue() : null;
        JsonObject brief = a.get("brief") instanceof JsonObject b ? b : JsonObject.EMPTY_JSON_OBJECT;
        query = brief.get("query") instanceof JsonString q ? q.getString() : a.getString("keyword", null);
        language = brief.get("language") instanceof JsonString l ? l.getString() : null;
        Map<String, Integer> positions = new HashMap<>();
        for (JsonObject r : page.getSerp()) {
            positions.putIfAbsent(r.getString("url", ""), r.getInt("position", 0));
        }
        List<PageRow> found = new ArrayList<>();
        if (a.get("pages") instanceof jakarta.json.JsonArray verdicts) {
            for (JsonObject v : verdicts.getValuesAs(JsonObject.class)) {
                String url = v.getString("url", "");
                boolean included = v.getBoolean("included", true);
                found.add(new PageRow(url, v.getString("host", ""), positions.get(url), included, v.getString("reason", "")));
                use.put(url, included);
            }
        }
        rows = List.copyOf(found);
        terms = bars(brief);
        Job job = page.getJob();
        Caller caller = current.get();
        // the service checks again on submit (role, and the scrape job must be the caller's or the caller an operator)
        mayRerun = scrapeJobId != null && job != null && (caller.isOperator()
                || (caller.has(Role.EDITOR) && job.getOwnerId() != null && job.getOwnerId() == caller.userId()));
    }

    private List<TermBar> bars(JsonObject brief) {
        if (!(brief.get("terms") instanceof jakarta.json.JsonArray list)) {
            return List.of();
        }
        int analysed = Math.max(0, brief.getInt("pagesAnalysed", 0));
        Map<String, Integer> textCounts = textCounts();
        List<JsonObject> top = list.getValuesAs(JsonObject.class).stream().limit(CHART_TERMS).toList();
        int scale = 1;
        for (JsonObject t : top) {
            scale = Math.max(scale, Math.max(t.getInt("max", 0), textCounts.getOrDefault(t.getString("term", ""), 0)));
        }
        List<TermBar> out = new ArrayList<>();
        for (JsonObject t : top) {
            double share = t.get("share") instanceof JsonNumber n ? n.doubleValue() : 0;
            int pages = (int) Math.round(share * analysed);
            int min = t.getInt("min", 0);
            int max = t.getInt("max", 0);
            Integer count = textCounts.isEmpty() ? null : textCounts.getOrDefault(t.getString("term", ""), 0);
            out.add(new TermBar(t.getString("display", t.getString("term", "")), pages, analysed, min, max, count,
                    analysed == 0 ? 0 : 100 * pages / analysed, count == null ? 0 : 100 * count / scale,
                    count != null && count >= min && count <= max));
        }
        return out;
    }

    /** Term → count in the newest generated text of this job (or its pipeline); empty when there is none. */
    private Map<String, Integer> textCounts() {
        List<JsonObject> texts = page.getGenerations();
        if (texts.isEmpty() || analysisId == null) {
            return Map.of();
        }
        String content = texts.get(texts.size() - 1).getString("content", "");
        Map<String, Integer> counts = new LinkedHashMap<>();
        try {
            for (TermUsage u : analyses.termUsage(current.get(), analysisId, content)) {
                counts.put(u.term(), u.count());
            }
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
        return counts;
    }

    /** A new analyze job over the same stored pages: ticked pages in (forced in if the engine had left them out), unticked out. */
    public String rerun() {
        ensureLoaded();
        if (!mayRerun) {
            Messages.error(null, Messages.text("job.rerunNotAllowed"));
            return null;
        }
        JsonArrayBuilder include = Json.createArrayBuilder();
        JsonArrayBuilder exclude = Json.createArrayBuilder();
        for (PageRow r : rows) {
            boolean used = Boolean.TRUE.equals(use.get(r.url()));
            if (used && !r.included()) {
                include.add(r.url());
            } else if (!used) {
                exclude.add(r.url());
            }
        }
        JsonObjectBuilder params = Json.createObjectBuilder().add("scrapeJobId", scrapeJobId).add("include", include).add("exclude", exclude);
        if (query != null && !query.isBlank()) {
            params.add("query", query);
        }
        if ("ru".equals(language) || "en".equals(language)) {
            params.add("language", language);
        }
        try {
            Job submitted = jobs.submit(current.get(), "analyze", params.build());
            return "/app/job?faces-redirect=true&id=" + submitted.getId();
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
    }

    public List<PageRow> getRows() {
        ensureLoaded();
        return rows;
    }

    public List<TermBar> getTerms() {
        ensureLoaded();
        return terms;
    }

    public boolean isHasText() {
        ensureLoaded();
        return terms.stream().anyMatch(t -> t.textCount() != null);
    }

    public boolean isMayRerun() {
        ensureLoaded();
        return mayRerun;
    }

    public Map<String, Boolean> getUse() {
        return use;
    }
}
