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
    public static final String ANALYZE = "analyze";
    public static final String PIPELINE = "pipeline";
    public static final String SERP = "serp";
    public static final String SCRAPE = "scrape";
    public static final String GENERATE = "generate";
    public static final String LEGACY_IMPORT = "legacy-import";
    public static final String LEGACY_EXPORT = "legacy-export";

    /** zemo.legacy.allowed-dir for the legacy jobs' paths; absent in unit tests that construct this class directly. */
    @jakarta.inject.Inject
    com.zemo.platform.ZemoConfig config;

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
        add(new JobType(LEGACY_IMPORT, "legacy-import", EnumSet.of(Role.ADMIN),
                "Imports the monolith's SQLite file `path` (on the server): `mode` full or delta; `dryRun` reports what would change. Restartable from its checkpoint; ends with the reconciliation report.",
                json -> com.zemo.legacy.control.LegacyJobParams.importParams(json, legacyDir())));
        add(new JobType(LEGACY_EXPORT, "legacy-export", EnumSet.of(Role.ADMIN),
                "Exports the data back into a new SQLite file `path` (on the server) with the monolith's schema (schema_version 7).",
                json -> com.zemo.legacy.control.LegacyJobParams.exportParams(json, legacyDir())));
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
        addPipelineTypes();
    }

    /** The content pipeline's own types (serp, scrape and generate register themselves in their blocks). */
    private void addPipelineTypes() {
        add(new JobType(ANALYZE, "analyze", EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.EDITOR),
                "Analyse the pages a scrape job stored (nothing is fetched again): page metrics, competitors, brief. "
                        + "`scrapeJobId` required (a scrape job you can see); `query` (default: the SERP job's), `language` (ru|en|auto), `include`/`exclude` URL lists, `maxTerms`.",
                json -> {
                    JobParams p = JobParams.of(json, Set.of("scrapeJobId", "query", "language", "include", "exclude", "maxTerms"));
                    p.id("scrapeJobId", false);
                    // the stored pages are the scrape job's owner's: the service checks the caller may see that job
                    p.jobReference("scrapeJobId", SCRAPE);
                    if (json != null && json.containsKey("query")) {
                        p.string("query", null, 300);
                    }
                    language(p, json);
                    p.optionalStrings("include", 100, 2000);
                    p.optionalStrings("exclude", 100, 2000);
                    p.optionalInteger("maxTerms", 5, 300);
                    return p;
                }));
        add(new JobType(PIPELINE, "pipeline", EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.EDITOR),
                "SERP → scrape → analyze → generate as one job; each step is a child job, and a restart resumes at the step that failed, "
                        + "keeping what the earlier steps stored. `query` required; `engine`, `region`, `language`, `depth` as for serp; "
                        + "`promptId` (without it the pipeline ends with the brief); `javascript` (auto|on|off) as for scrape.",
                json -> {
                    JobParams p = JobParams.of(json, Set.of("query", "engine", "region", "language", "depth", "promptId", "javascript", "exclude"));
                    p.string("query", null, 300);
                    String engine = p.string("engine", "google", 20);
                    if (!engine.equals("google") && !engine.equals("yandex")) {
                        throw com.zemo.platform.ZemoException.invalid("parameter 'engine' must be google or yandex");
                    }
                    if (json != null && json.containsKey("region")) {
                        p.string("region", null, 100);
                    }
                    language(p, json);
                    p.integer("depth", 10, 10, 100);
                    p.id("promptId", true);
                    if (json != null && json.containsKey("javascript")) {
                        String js = p.string("javascript", null, 4);
                        if (!Set.of("auto", "on", "off").contains(js)) {
                            throw com.zemo.platform.ZemoException.invalid("parameter 'javascript' must be auto, on or off");
                        }
                    }
                    p.optionalStrings("exclude", 100, 2000);
                    return p;
                }));
    }

    private static void language(JobParams p, jakarta.json.JsonObject json) {
        if (json != null && json.containsKey("language")) {
            String lang = p.string("language", null, 10);
            if (!Set.of("ru", "en", "auto").contains(lang)) {
                throw com.zemo.platform.ZemoException.invalid("parameter 'language' must be ru, en or auto");
            }
        }
    }

    {
        add(new JobType(SERP, "serp", EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.EDITOR),
                "SERP: the top `depth` (10-100, default 10) organic results for `query` on `engine` (google or yandex), "
                        + "optionally for a `region` and `language`; cached, a cache hit costs no credits.",
                json -> {
                    JobParams p = JobParams.of(json, Set.of("query", "engine", "region", "language", "depth"));
                    p.string("query", null, 300);
                    p.oneOf("engine", "google", Set.of("google", "yandex"));
                    p.optionalString("region", 100);
                    p.optionalString("language", 10);
                    p.integer("depth", 10, 10, 100);
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

    private java.util.Optional<String> legacyDir() {
        return config == null ? java.util.Optional.empty() : config.legacyAllowedDir();
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
