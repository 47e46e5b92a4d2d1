package com.zemo.jobs.control;

import com.zemo.identity.entity.Role;
import com.zemo.platform.ZemoException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

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
    public static final String SCRAPE = "scrape";

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
        add(new JobType(SCRAPE, "scrape", EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.EDITOR),
                "Fetches pages and extracts title, description, headings, main text, links and images: `urls` (1-100 http(s) URLs) "
                        + "or `serpJobId` (that serp job's results, in position order); `javascript` auto (default: render only pages "
                        + "that need it), on or off.",
                JobTypes::scrapeParams));
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
    }

    /** The scrape job: `urls` or `serpJobId`, optional `javascript`; see docs/pipeline.md#scrape. */
    private static JobParams scrapeParams(JsonObject json) {
        JobParams p = JobParams.of(json, Set.of("urls", "serpJobId", "javascript"));
        if (p.has("urls") == p.has("serpJobId")) {
            throw ZemoException.invalid("give either 'urls' (1-100 http(s) URLs) or 'serpJobId', not both and not neither");
        }
        if (p.has("urls")) {
            for (String u : p.strings("urls", 100, 2048)) {
                java.net.URI uri;
                try {
                    uri = new java.net.URI(u);
                } catch (java.net.URISyntaxException e) {
                    throw ZemoException.invalid("'" + u + "' is not a URL: " + e.getReason());
                }
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    throw ZemoException.invalid("'" + u + "' is not an absolute http(s) URL with a host");
                }
            }
        } else {
            p.jobReference("serpJobId", "serp");
        }
        String js = p.string("javascript", "auto", 10).toLowerCase(java.util.Locale.ROOT);
        if (!Set.of("auto", "on", "off").contains(js)) {
            throw ZemoException.invalid("parameter 'javascript' must be auto, on or off");
        }
        p.derived("javascript", js);
        return p;
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
