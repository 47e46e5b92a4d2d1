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
