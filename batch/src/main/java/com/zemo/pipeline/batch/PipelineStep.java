package com.zemo.pipeline.batch;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The steps of a pipeline, in order, and how each step's child job is parameterised from the earlier ones. */
enum PipelineStep {
    SERP("serp"), SCRAPE("scrape"), ANALYZE("analyze"), GENERATE("generate");

    private final String type;

    PipelineStep(String type) {
        this.type = type;
    }

    String type() {
        return type;
    }

    static PipelineStep of(String name) {
        for (PipelineStep s : values()) {
            if (s.type.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown pipeline step " + name);
    }

    /** Steps that will run: generate only with a prompt. */
    static int count(JsonObject params) {
        return params.containsKey("promptId") && params.get("promptId") != JsonValue.NULL ? 4 : 3;
    }

    String skipReason() {
        return this == GENERATE ? "no promptId: the pipeline ends with the brief" : "step skipped";
    }

    /** The child's parameters, or empty when the step does not run. */
    Optional<JsonObject> childParams(Connection c, PipelineChildren.Parent parent) throws SQLException {
        JsonObject p = parent.params();
        JsonObjectBuilder b = Json.createObjectBuilder();
        switch (this) {
            case SERP -> {
                copy(p, b, "query", "engine", "region", "depth");
                if (p.containsKey("language") && !"auto".equals(p.getString("language", "auto"))) {
                    b.add("language", p.getString("language"));
                }
            }
            case SCRAPE -> {
                b.add("serpJobId", completed(c, parent, SERP));
                copy(p, b, "javascript");
            }
            case ANALYZE -> {
                b.add("scrapeJobId", completed(c, parent, SCRAPE));
                copy(p, b, "query", "language", "exclude");
            }
            case GENERATE -> {
                if (count(p) < 4) {
                    return Optional.empty();
                }
                long analyze = completed(c, parent, ANALYZE);
                long analysisId = PipelineChildren.analysisOf(c, analyze)
                        .orElseThrow(() -> new IllegalStateException("analyze job " + analyze + " stored no analysis"));
                b.add("promptId", p.getJsonNumber("promptId").longValue());
                b.add("analysisId", analysisId);
                copy(p, b, "query");
                JsonObject built = b.build();
                // generate calls the query "keyword"
                JsonObjectBuilder g = Json.createObjectBuilder(built).remove("query");
                if (built.containsKey("query")) {
                    g.add("keyword", built.get("query"));
                }
                return Optional.of(g.build());
            }
            default -> throw new IllegalStateException();
        }
        return Optional.of(b.build());
    }

    private static long completed(Connection c, PipelineChildren.Parent parent, PipelineStep earlier) throws SQLException {
        return PipelineChildren.latest(c, parent.id(), earlier.type)
                .filter(ch -> ch.status().equals("completed"))
                .map(PipelineChildren.Child::id)
                .orElseThrow(() -> new IllegalStateException("the " + earlier.type + " step has not completed"));
    }

    private static void copy(JsonObject from, JsonObjectBuilder to, String... keys) {
        for (String k : keys) {
            if (from.containsKey(k) && from.get(k) != JsonValue.NULL) {
                JsonValue v = from.get(k);
                to.add(k, v);
            }
        }
    }
}
