package com.zemo.analysis.batch;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Reading the analyze step's inputs: URL lists from job parameters, the query from the jobs that came before. */
final class AnalysisInputs {
    private AnalysisInputs() {
    }

    /** A JSON array of URLs as the job parameter carries it ("" or absent = none). */
    static Set<String> urls(String json) {
        Set<String> urls = new LinkedHashSet<>();
        if (json == null || json.isBlank()) {
            return urls;
        }
        JsonValue v = Json.createReader(new StringReader(json)).readValue();
        if (v instanceof JsonArray a) {
            for (JsonValue item : a) {
                if (item instanceof JsonString s && !s.getString().isBlank()) {
                    urls.add(s.getString().strip());
                }
            }
        }
        return urls;
    }

    /** The query of the SERP job a scrape job took its URLs from, or of the scrape job itself. */
    static Optional<String> queryOfScrape(Connection c, long scrapeJobId) throws SQLException {
        Optional<JsonObject> scrape = params(c, scrapeJobId);
        if (scrape.isEmpty()) {
            return Optional.empty();
        }
        if (scrape.get().get("query") instanceof JsonString q) {
            return Optional.of(q.getString());
        }
        JsonValue serp = scrape.get().get("serpJobId");
        if (serp == null) {
            return Optional.empty();
        }
        long serpId = Long.parseLong(serp instanceof JsonString s ? s.getString() : serp.toString());
        return params(c, serpId).map(p -> p.get("query")).filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString());
    }

    private static Optional<JsonObject> params(Connection c, long jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT params::text FROM jobs WHERE id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(Json.createReader(new StringReader(rs.getString(1))).readObject());
            }
        }
    }
}
