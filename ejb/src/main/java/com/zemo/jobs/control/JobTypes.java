package com.zemo.jobs.control;

import com.zemo.identity.entity.Role;
import com.zemo.platform.ZemoException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Every job type Zemo knows. A type is added here together with its batch job XML. */
@ApplicationScoped
public class JobTypes {
    public static final String DEMO = "demo";
    public static final String MAINTENANCE = "maintenance";
    public static final String GENERATE = "generate";

    private final Map<String, JobType> types = new TreeMap<>();

    public JobTypes() {
        add(new JobType(DEMO, "demo", EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.EDITOR),
                "Synthetic job: `items` items of `itemMillis` ms each, checkpointed every `chunk`; `failAt` fails the first attempt once. For drills and benchmarks.",
                json -> {
                    JobParams p = JobParams.of(json, Set.of("items", "itemMillis", "chunk", "failAt"));
                    int items = p.integer("items", null, 1, 1_000_000);
                    p.integer("itemMillis", 0, 0, 60_000);
                    p.integer("chunk", 10, 1, 10_000);
                    p.optionalInteger("failAt", 1, items);
                    return p;
                }));
        add(new JobType(MAINTENANCE, "maintenance", EnumSet.of(Role.ADMIN, Role.OPERATOR),
                "Retention clean-up: job log lines older than `logDays` (default 30) and finished jobs older than `jobDays` (default 90).",
                json -> {
                    JobParams p = JobParams.of(json, Set.of("logDays", "jobDays"));
                    int logDays = p.integer("logDays", 30, 1, 3650);
                    int jobDays = p.integer("jobDays", 90, 1, 3650);
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    p.derived("logsBefore", now.minusDays(logDays).toString());
                    p.derived("jobsBefore", now.minusDays(jobDays).toString());
                    return p;
                }));
        add(new JobType(GENERATE, "generate", EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.EDITOR),
                "Write a text with an LLM: prompt `promptId` (its current version is pinned at the start) filled from analysis "
                        + "`analysisId` (its brief) or `keyword` alone; optional `model`, `temperature`, `maxTokens`; scored against "
                        + "the brief, one revision round below `minScore` (default zemo.generation.min-score).",
                json -> {
                    JobParams p = JobParams.of(json, Set.of("promptId", "analysisId", "keyword", "model", "temperature", "maxTokens", "minScore"));
                    p.integer("promptId", null, 1, Integer.MAX_VALUE);
                    Integer analysis = p.optionalInteger("analysisId", 1, Integer.MAX_VALUE);
                    String keyword = p.optionalString("keyword", 500);
                    if (analysis == null && keyword == null) {
                        throw ZemoException.invalid("parameter 'analysisId' or 'keyword' is required");
                    }
                    p.optionalString("model", 100);
                    p.optionalDecimal("temperature", 0, 2);
                    p.optionalInteger("maxTokens", 1, 200_000);
                    p.optionalInteger("minScore", 0, 100);
                    return p;
                }));
    }

    private void add(JobType t) {
        types.put(t.name(), t);
    }

    public JobType require(String name) {
        JobType t = name == null ? null : types.get(name);
        if (t == null) {
            throw ZemoException.invalid("unknown job type '" + name + "'; known types: " + types.keySet());
        }
        return t;
    }

    public boolean exists(String name) {
        return types.containsKey(name);
    }

    public Collection<JobType> all() {
        return types.values();
    }
}
