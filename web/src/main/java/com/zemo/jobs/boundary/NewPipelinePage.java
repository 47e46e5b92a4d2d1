package com.zemo.jobs.boundary;

import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.jobs.control.JobService;
import com.zemo.jobs.entity.Job;
import com.zemo.platform.boundary.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** The "new pipeline" form (also on the home page): checked by the pipeline type's own rules, like the API. */
@Named
@RequestScoped
public class NewPipelinePage {

    @Inject
    CurrentCaller current;

    @EJB
    JobService jobs;

    @EJB
    com.zemo.settings.control.SettingsService settings;

    /** The form starts with my preferred engine and region (settings serp.engine, serp.region), if I stored any. */
    @jakarta.annotation.PostConstruct
    void preferences() {
        try {
            java.util.Map<String, String> prefs = settings.preferences(current.get().userId());
            String e = prefs.get("serp.engine");
            if ("google".equals(e) || "yandex".equals(e)) {
                engine = e;
            }
            region = prefs.get("serp.region");
        } catch (RuntimeException ex) {
            // no preferences: the defaults
        }
    }

    private String query;
    private String engine = "google";
    private String region;
    private String language = "auto";
    private int depth = 10;
    private Long promptId;

    public String submit() {
        JsonObjectBuilder p = Json.createObjectBuilder().add("query", query == null ? "" : query.strip()).add("engine", engine)
                .add("language", language).add("depth", depth);
        if (region != null && !region.isBlank()) {
            p.add("region", region.strip());
        }
        if (promptId != null) {
            p.add("promptId", promptId);
        }
        try {
            Job j = jobs.submit(current.get(), "pipeline", p.build());
            Messages.info("new.started", j.getId());
            return "/app/job.xhtml?faces-redirect=true&id=" + j.getId();
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
    }

    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public String getEngine() { return engine; }
    public void setEngine(String engine) { this.engine = engine; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public int getDepth() { return depth; }
    public void setDepth(int depth) { this.depth = depth; }
    public Long getPromptId() { return promptId; }
    public void setPromptId(Long promptId) { this.promptId = promptId; }
}
