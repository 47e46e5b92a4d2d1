package com.zemo.jobs.boundary;

import java.util.List;
import java.util.Optional;

/**
 * The forms of the new-job page, one per job type, in menu order. Each field's id is the type's parameter name, so a
 * refusal naming the parameter lands next to the field; {@code fallback} takes a refusal that names none.
 * ({@code pipeline} has its own page and is only linked.)
 */
enum JobForm {
    SERP("serp", null, "query", "engine", "region", "language", "depth"),
    SCRAPE("scrape", "urls", "urls", "serpJobId", "javascript"),
    ANALYZE("analyze", null, "scrapeJobId", "query", "language", "include", "exclude"),
    GENERATE("generate", null, "analysisId", "keyword", "promptId", "model", "minScore");

    final String type;
    final String fallback;
    final List<String> fields;

    JobForm(String type, String fallback, String... fields) {
        this.type = type;
        this.fallback = fallback;
        this.fields = List.of(fields);
    }

    static Optional<JobForm> of(String type) {
        for (JobForm f : values()) {
            if (f.type.equals(type)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The client id of the field a refusal is about (the form's id is the type), or null for a page message. */
    String clientIdOf(String message) {
        String field = RefusedField.of(message, fields, fallback);
        return field == null ? null : type + ":" + field;
    }
}
