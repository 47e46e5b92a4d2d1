package com.zemo.jobs.boundary;

import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.jobs.control.ExecutionInfo;
import com.zemo.jobs.control.JobResults;
import com.zemo.jobs.control.JobService;
import com.zemo.jobs.entity.Job;
import com.zemo.platform.boundary.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.Serializable;
import java.util.List;

/** One job: parameters, steps, result tabs; the live log and progress come over the job's SSE stream in the page. */
@Named
@ViewScoped
public class JobPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentCaller current;

    @EJB
    transient JobService jobs;

    @EJB
    transient JobResults results;

    private Long id;
    private transient Job job;
    private transient JsonObject result;
    private transient List<ExecutionInfo> executions;
    private transient List<Job> children;

    /** f:viewAction: a job the caller may not see is "not found", as in the API. */
    public void load() {
        if (id == null) {
            Messages.error(null, "no job id");
            return;
        }
        try {
            job = jobs.get(current.get(), id);
            executions = jobs.executions(current.get(), id);
            children = jobs.children(job);
            result = results.of(current.get(), id);
        } catch (RuntimeException e) {
            job = null;
            Messages.failure(e);
        }
    }

    public void stop() {
        act(() -> jobs.stop(current.get(), id));
    }

    public void restart() {
        act(() -> jobs.restart(current.get(), id));
    }

    public void cancel() {
        act(() -> jobs.cancel(current.get(), id));
    }

    private void act(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
        load();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Job getJob() {
        return job;
    }

    public List<ExecutionInfo> getExecutions() {
        return executions == null ? List.of() : executions;
    }

    public List<Job> getChildren() {
        return children == null ? List.of() : children;
    }

    public String getParamsJson() {
        return job == null || job.getParams() == null ? "{}" : job.getParams();
    }

    /** The analysis id of this job (an analyze job) or of its pipeline's analyze step. */
    public Long getAnalysisId() {
        JsonObject a = analysis();
        return a == null ? null : a.getJsonNumber("id").longValue();
    }

    /** The analysis of this job or of its pipeline's analyze step, as the result has it (null: none). */
    JsonObject analysis() {
        JsonObject r = result;
        if (r == null) {
            return null;
        }
        if (r.get("analysis") instanceof JsonObject a) {
            return a;
        }
        if (r.get("steps") instanceof JsonArray steps) {
            for (JsonValue s : steps) {
                if (s instanceof JsonObject o && o.get("analysis") instanceof JsonObject a) {
                    return a;
                }
            }
        }
        return null;
    }

    public List<JsonObject> getSerp() {
        return section("results");
    }

    public List<JsonObject> getPages() {
        return section("pages");
    }

    public List<JsonObject> getGenerations() {
        return section("generations");
    }

    /** A result section of this job or of the pipeline step that has it. */
    private List<JsonObject> section(String name) {
        if (result == null) {
            return List.of();
        }
        if (result.get(name) instanceof JsonArray a) {
            return a.getValuesAs(JsonObject.class);
        }
        if (result.get("steps") instanceof JsonArray steps) {
            for (JsonValue s : steps) {
                if (s instanceof JsonObject o && o.get(name) instanceof JsonArray a) {
                    return a.getValuesAs(JsonObject.class);
                }
            }
        }
        return List.of();
    }

    public String getResultJson() {
        return result == null ? "" : result.toString();
    }
}
