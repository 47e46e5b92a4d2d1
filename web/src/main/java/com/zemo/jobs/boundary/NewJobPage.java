package com.zemo.jobs.boundary;

import com.zemo.analysis.control.AnalysisService;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.jobs.control.JobService;
import com.zemo.jobs.entity.Job;
import com.zemo.jobs.entity.JobStatus;
import com.zemo.platform.boundary.Messages;
import com.zemo.prompts.control.PromptService;
import com.zemo.settings.control.SettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The new-job page: one form per job type the caller may submit. It only builds the parameters and calls the same
 * {@link JobService#submit} as the REST API, so each type's own rules apply; a refusal naming a parameter is shown
 * next to that field ({@link JobForm}). Empty fields are left out, so the type's defaults and "required" apply.
 */
@Named
@ViewScoped
public class NewJobPage implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int RECENT = 30;

    @Inject
    transient CurrentCaller current;

    @EJB
    transient JobService jobs;

    @EJB
    transient AnalysisService analyses;

    @EJB
    transient PromptService prompts;

    @EJB
    transient SettingsService settings;

    /** One line of a "pick one of my jobs / prompts" list. */
    public record Choice(long id, String label) implements Serializable {
    }

    private TreeSet<String> submittable = new TreeSet<>();
    private String type;

    private String query;
    private String engine = "google";
    private String region;
    private String serpLanguage;
    private Integer depth = 10;

    private String urls;
    private Long serpJobId;
    private String javascript = "auto";

    private Long scrapeJobId;
    private String analyzeQuery;
    private String analyzeLanguage = "auto";
    private String include;
    private String exclude;

    private Long analysisId;
    private String keyword;
    private Long promptId;
    private String model;
    private Integer minScore;

    private List<Choice> serpJobs;
    private List<Choice> scrapeJobs;
    private List<AnalysisService.Recent> recentAnalyses;
    private List<Choice> promptChoices;

    /** What the caller's roles may submit (the service checks again), and my preferred engine and region. */
    @PostConstruct
    void init() {
        try {
            submittable = new TreeSet<>(jobs.submittableTypes(current.get()));
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
        try {
            Map<String, String> prefs = settings.preferences(current.get().userId());
            String e = prefs.get("serp.engine");
            if ("google".equals(e) || "yandex".equals(e)) {
                engine = e;
            }
            region = prefs.get("serp.region");
        } catch (RuntimeException e) {
            // no preferences: the defaults
        }
    }

    /** The forms offered, in menu order. */
    public List<String> getForms() {
        List<String> forms = new ArrayList<>();
        for (JobForm f : JobForm.values()) {
            if (submittable.contains(f.type)) {
                forms.add(f.type);
            }
        }
        return forms;
    }

    public boolean isPipelineOffered() {
        return submittable.contains("pipeline");
    }

    public boolean offers(String t) {
        return getForms().contains(t);
    }

    /** The form shown: the one asked for (?type=) if offered, else the first offered (null: none, e.g. a viewer). */
    public String getType() {
        List<String> forms = getForms();
        return forms.contains(type) ? type : forms.isEmpty() ? null : forms.get(0);
    }

    public void setType(String type) {
        this.type = type;
    }

    public String submit(String formType) {
        JobForm form = JobForm.of(formType).filter(f -> offers(f.type)).orElse(null);
        if (form == null) {
            return null;
        }
        type = form.type;   // a failed submit shows this form again, whatever ?type= said
        try {
            Job j = jobs.submit(current.get(), form.type, params(form));
            Messages.info("newJob.started", j.getId());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/app/job.xhtml?faces-redirect=true&id=" + j.getId();
        } catch (RuntimeException e) {
            Messages.failureAt(e, form::clientIdOf);
            return null;
        }
    }

    private JsonObject params(JobForm form) {
        JsonObjectBuilder p = Json.createObjectBuilder();
        switch (form) {
            case SERP -> {
                text(p, "query", query);
                text(p, "engine", engine);
                text(p, "region", region);
                text(p, "language", serpLanguage);
                if (depth != null) {
                    p.add("depth", depth);
                }
            }
            case SCRAPE -> {
                lines(p, "urls", urls);
                id(p, "serpJobId", serpJobId);
                text(p, "javascript", javascript);
            }
            case ANALYZE -> {
                id(p, "scrapeJobId", scrapeJobId);
                text(p, "query", analyzeQuery);
                text(p, "language", analyzeLanguage);
                lines(p, "include", include);
                lines(p, "exclude", exclude);
            }
            case GENERATE -> {
                id(p, "promptId", promptId);
                id(p, "analysisId", analysisId);
                text(p, "keyword", keyword);
                text(p, "model", model);
                if (minScore != null) {
                    p.add("minScore", minScore);
                }
            }
        }
        return p.build();
    }

    private static void text(JsonObjectBuilder p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.add(name, value.strip());
        }
    }

    private static void id(JsonObjectBuilder p, String name, Long value) {
        if (value != null) {
            p.add(name, value);
        }
    }

    /** A text area, one entry a line; no entries: the parameter is left out. */
    private static void lines(JsonObjectBuilder p, String name, String value) {
        if (value == null) {
            return;
        }
        JsonArrayBuilder a = Json.createArrayBuilder();
        int n = 0;
        for (String line : value.split("\\R")) {
            if (!line.isBlank()) {
                a.add(line.strip());
                n++;
            }
        }
        if (n > 0) {
            p.add(name, a);
        }
    }

    /** My recent completed SERP jobs, to scrape their results. */
    public List<Choice> getSerpJobs() {
        if (serpJobs == null) {
            serpJobs = myCompleted("serp");
        }
        return serpJobs;
    }

    /** My recent completed scrape jobs, to analyse their pages. */
    public List<Choice> getScrapeJobs() {
        if (scrapeJobs == null) {
            scrapeJobs = myCompleted("scrape");
        }
        return scrapeJobs;
    }

    public List<AnalysisService.Recent> getRecentAnalyses() {
        if (recentAnalyses == null) {
            try {
                recentAnalyses = analyses.recent(current.get(), RECENT);
            } catch (RuntimeException e) {
                recentAnalyses = List.of();
                Messages.failure(e);
            }
        }
        return recentAnalyses;
    }

    /** My and shared prompts. */
    public List<Choice> getPrompts() {
        if (promptChoices == null) {
            try {
                promptChoices = prompts.list(current.get(), false, 0, 200).stream()
                        .map(p -> new Choice(p.getId(), p.getTitle())).toList();
            } catch (RuntimeException e) {
                promptChoices = List.of();
                Messages.failure(e);
            }
        }
        return promptChoices;
    }

    private List<Choice> myCompleted(String jobType) {
        try {
            var c = current.get();
            return jobs.list(c, new JobService.Filter(jobType, JobStatus.COMPLETED, c.userId(), null, null), JobService.Sort.CREATED_DESC, 0, RECENT)
                    .stream().map(NewJobPage::choice).toList();
        } catch (RuntimeException e) {
            Messages.failure(e);
            return List.of();
        }
    }

    /** "#12 · 2026-11-28 · what it was about" (a SERP job's query, a scrape job's first URL). */
    static Choice choice(Job j) {
        String about = "";
        try {
            JsonObject p = Json.createReader(new StringReader(j.getParams() == null ? "{}" : j.getParams())).readObject();
            if (p.containsKey("query")) {
                about = p.getString("query", "");
            } else if (p.containsKey("urls") && !p.getJsonArray("urls").isEmpty()) {
                int n = p.getJsonArray("urls").size();
                about = p.getJsonArray("urls").getString(0) + (n > 1 ? " +" + (n - 1) : "");
            } else if (p.containsKey("serpJobId")) {
                about = "serp #" + p.get("serpJobId");
            }
        } catch (RuntimeException e) {
            // unreadable parameters: the id and date say enough
        }
        String day = j.getCreatedAt() == null ? "" : j.getCreatedAt().toLocalDate().toString();
        return new Choice(j.getId(), "#" + j.getId() + " · " + day + (about.isEmpty() ? "" : " · " + about));
    }

    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public String getEngine() { return engine; }
    public void setEngine(String engine) { this.engine = engine; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getSerpLanguage() { return serpLanguage; }
    public void setSerpLanguage(String serpLanguage) { this.serpLanguage = serpLanguage; }
    public Integer getDepth() { return depth; }
    public void setDepth(Integer depth) { this.depth = depth; }
    public String getUrls() { return urls; }
    public void setUrls(String urls) { this.urls = urls; }
    public Long getSerpJobId() { return serpJobId; }
    public void setSerpJobId(Long serpJobId) { this.serpJobId = serpJobId; }
    public String getJavascript() { return javascript; }
    public void setJavascript(String javascript) { this.javascript = javascript; }
    public Long getScrapeJobId() { return scrapeJobId; }
    public void setScrapeJobId(Long scrapeJobId) { this.scrapeJobId = scrapeJobId; }
    public String getAnalyzeQuery() { return analyzeQuery; }
    public void setAnalyzeQuery(String analyzeQuery) { this.analyzeQuery = analyzeQuery; }
    public String getAnalyzeLanguage() { return analyzeLanguage; }
    public void setAnalyzeLanguage(String analyzeLanguage) { this.analyzeLanguage = analyzeLanguage; }
    public String getInclude() { return include; }
    public void setInclude(String include) { this.include = include; }
    public String getExclude() { return exclude; }
    public void setExclude(String exclude) { this.exclude = exclude; }
    public Long getAnalysisId() { return analysisId; }
    public void setAnalysisId(Long analysisId) { this.analysisId = analysisId; }
    public String getKeyword() { return keyword; }
    public void setKeyword(String keyword) { this.keyword = keyword; }
    public Long getPromptId() { return promptId; }
    public void setPromptId(Long promptId) { this.promptId = promptId; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public Integer getMinScore() { return minScore; }
    public void setMinScore(Integer minScore) { this.minScore = minScore; }
}
